import { MAX_FILE_BYTES } from './events.ts';

/** The media types that the demo shows as a picture; anything else is offered as a download. */
export const PICTURES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/**
 * An image made small enough to send: drawn on a canvas at most `side`
 * pixels wide or high, saved as JPEG, smaller again until it fits in
 * `MAX_FILE_BYTES`. Rejects when the browser cannot read the image.
 */
export async function thumbnail(image: Blob, side = 160): Promise<Blob> {
  const url = URL.createObjectURL(image);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    for (let size = side; size >= 24; size = Math.floor(size * 0.7)) {
      const scale = Math.min(1, size / Math.max(img.naturalWidth, img.naturalHeight));
      canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
      canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff'; // JPEG has no transparency
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(img, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/jpeg', 0.8),
      );
      if (blob && blob.size <= MAX_FILE_BYTES) return blob;
    }
    throw new Error('the image would not shrink enough');
  } finally {
    URL.revokeObjectURL(url);
  }
}

export const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} bytes`
    : `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
