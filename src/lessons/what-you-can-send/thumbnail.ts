import { MAX_FILE_BYTES } from './events.ts';

/** The media types that the demo shows as a picture; anything else is offered as a download. */
export const PICTURES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/**
 * An image made small enough to send: drawn on a canvas at most `side`
 * pixels wide or high, saved as JPEG, smaller again until it fits in
 * `MAX_FILE_BYTES`. Rejects when the browser cannot read the image.
 */
export async function thumbnail(image: Blob, side = 160): Promise<Blob> {
  // Not an <img> from an object URL: the site's Content-Security-Policy lets images come from itself and data: only.
  const bitmap = await createImageBitmap(image);
  try {
    const canvas = document.createElement('canvas');
    for (let size = side; size >= 24; size = Math.floor(size * 0.7)) {
      const scale = Math.min(1, size / Math.max(bitmap.width, bitmap.height));
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#fff'; // JPEG has no transparency
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/jpeg', 0.8),
      );
      if (blob && blob.size <= MAX_FILE_BYTES) return blob;
    }
    throw new Error('the image would not shrink enough');
  } finally {
    bitmap.close();
  }
}

/** Bytes as a data: URL (what the site's Content-Security-Policy lets an image or a link be). */
export function dataUrl(bytes: Uint8Array, type: string): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 4096)
    text += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return `data:${type};base64,${btoa(text)}`;
}

export const sizeText = (bytes: number) =>
  bytes < 1024
    ? `${bytes} bytes`
    : `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
