/** What `/lessons/<slug>/take-home.json` holds: a folder's name and its files' text by path. */
interface Project {
  folder: string;
  files: Record<string, string>;
}

const kilobytes = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Makes the zip in the page (nothing is made or kept on the server) and hands it to the browser as a download. */
async function download(slug: string): Promise<string> {
  const response = await fetch(`/lessons/${slug}/take-home.json`);
  if (!response.ok) throw new Error(`the project's files did not load (HTTP ${response.status})`);
  const project = (await response.json()) as Project;
  const { strToU8, zipSync } = await import('fflate'); // only when someone takes a lesson home
  const entries = Object.fromEntries(
    Object.entries(project.files).map(([path, text]) => [`${project.folder}/${path}`, strToU8(text)]),
  );
  const zip = zipSync(entries, { level: 6 });
  const name = `${project.folder}.zip`;
  const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // the download has started by then
  const count = Object.keys(project.files).length;
  return `Downloaded ${name} (${count} files, ${kilobytes(zip.byteLength)}). Unzip it, then run npm install && npm start in its folder.`;
}

/** Wires a "Take it home" section: its button makes the download, its status says what happened. */
export function offerTakeHome(section: HTMLElement) {
  const slug = section.dataset.takeHome!;
  const button = section.querySelector('button')!;
  const status = section.querySelector<HTMLElement>('[role="status"]')!;
  button.disabled = false; // the page's markup has it disabled until now
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Making the zip…';
    try {
      status.textContent = await download(slug);
    } catch (error) {
      status.textContent = `Could not make the zip: ${error instanceof Error ? error.message : String(error)}. Try again in a moment.`;
    } finally {
      button.disabled = false;
    }
  });
}
