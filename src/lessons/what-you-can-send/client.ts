import type { Socket } from 'socket.io-client';
import type { LessonClient } from '../../components/demo/demo-host.ts';
import { createLogBox, h } from '../../components/demo/dom.ts';
import {
  type ClientToServerEvents,
  FILE_NEW,
  FILE_SEND,
  type FileIn,
  MAX_FILE_BYTES,
  type ServerToClientEvents,
  VALUE_NEW,
  VALUE_SEND,
} from './events.ts';
import { describeArrival, SPECIMENS } from './specimens.ts';
import { dataUrl, PICTURES, sizeText, thumbnail } from './thumbnail.ts';

type CarrySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** At most this many arrivals stay on a panel. */
const KEPT = 20;

const carryClient: LessonClient = {
  slug: 'what-you-can-send',
  // Two clients from the start: what one sends, the other shows.
  names: ['Ada', 'Bo'],
  mount({ controls, socket }) {
    const specimen = h(
      'select',
      {},
      ...SPECIMENS.map(({ code }, i) => h('option', { value: i }, code)),
    );
    const sendValue = h('button', { type: 'button' }, 'Send value');
    const valueStatus = h('p', {
      role: 'status',
      'aria-label': 'Value status',
      class: 'carry-status',
    });
    const listen = h(
      'select',
      {},
      h('option', { value: 'on' }, 'every one: on()'),
      h('option', { value: 'once' }, 'the next one only: once()'),
      h('option', { value: 'off' }, 'none: off()'),
    );
    const picker = h('input', { type: 'file' });
    const fileStatus = h('p', {
      role: 'status',
      'aria-label': 'File status',
      class: 'carry-status',
    });
    const arrived = createLogBox('Arrived', 'carry-arrived', KEPT);
    controls.append(
      h('label', { class: 'field' }, 'Value to send ', specimen),
      sendValue,
      valueStatus,
      h('label', { class: 'field' }, 'Image or file to send ', picker),
      h(
        'p',
        { class: 'carry-hint' },
        `Images are shrunk to a thumbnail first; any file may be at most ${sizeText(MAX_FILE_BYTES)}.`,
      ),
      fileStatus,
      h('label', { class: 'field' }, 'Listen for values ', listen),
      h('h4', { class: 'carry-title' }, 'Arrived'),
      arrived.box,
    );
    wire(socket, {
      specimen: () => SPECIMENS[Number(specimen.value)]!,
      sendValue,
      listen,
      picker,
      saidValue: (text) => (valueStatus.textContent = text),
      saidFile: (text) => (fileStatus.textContent = text),
      showValue: (value, label, from) => arrived.append(valueEntry(value, label, from)),
      showFile: (file) => arrived.append(fileEntry(file)),
    });
  },
};

interface CarryView {
  specimen: () => (typeof SPECIMENS)[number];
  sendValue: HTMLButtonElement;
  listen: HTMLSelectElement;
  picker: HTMLInputElement;
  saidValue: (text: string) => void;
  saidFile: (text: string) => void;
  showValue: (value: unknown, label: string, from: string) => void;
  showFile: (file: FileIn) => void;
}

function wire(socket: CarrySocket, view: CarryView) {
  // #region listen
  // off() takes the very function that on() or once() was given.
  const show = (value: unknown, label: string, from: string) =>
    view.showValue(value, label, from);
  const showOnce = (value: unknown, label: string, from: string) => {
    show(value, label, from);
    view.listen.value = 'off'; // once() has removed it by now
  };
  socket.on(VALUE_NEW, show);
  view.listen.addEventListener('change', () => {
    socket.off(VALUE_NEW, show).off(VALUE_NEW, showOnce);
    if (view.listen.value === 'on') socket.on(VALUE_NEW, show);
    if (view.listen.value === 'once') socket.once(VALUE_NEW, showOnce);
  });
  socket.on(FILE_NEW, (file) => view.showFile(file));
  // #endregion

  // #region send-value
  view.sendValue.addEventListener('click', () => {
    const { code, make } = view.specimen();
    try {
      // Two arguments, the value and the code that made it; then the acknowledgement.
      socket.emit(VALUE_SEND, make(), code, (answer) => {
        if (!answer.ok) view.saidValue(answer.error);
      });
      view.saidValue(`Sent ${code}: the other clients show what arrived.`);
    } catch (error) {
      // A BigInt: JSON.stringify throws, and nothing is sent.
      view.saidValue(`Not sent: ${(error as Error).message}.`);
    }
  });
  // #endregion

  // #region send-file
  view.picker.addEventListener('change', async () => {
    const picked = view.picker.files?.[0];
    view.picker.value = ''; // the same file can be picked again
    if (!picked) return;
    let blob: Blob = picked;
    if (picked.type.startsWith('image/')) {
      try {
        blob = await thumbnail(picked); // a JPEG of at most 160 pixels a side
      } catch {
        return view.saidFile(
          `${picked.name} did not open as an image here, so it was not sent.`,
        );
      }
    }
    if (blob.size > MAX_FILE_BYTES) {
      return view.saidFile(
        `${picked.name} is ${sizeText(blob.size)}: this demo sends at most ` +
          `${sizeText(MAX_FILE_BYTES)} (the server takes 16 KB in one message). ` +
          'Pick a smaller file, or an image, which the page shrinks.',
      );
    }
    const bytes = await blob.arrayBuffer();
    socket.emit(FILE_SEND, { name: picked.name, type: blob.type, bytes }, (answer) => {
      if (!answer.ok) view.saidFile(answer.error);
    });
    view.saidFile(
      `Sent ${picked.name} as ${sizeText(bytes.byteLength)} of ${blob.type || 'bytes'}.`,
    );
  });
  // #endregion
}

function valueEntry(value: unknown, label: string, from: string) {
  const { text, kind } = describeArrival(value);
  return h(
    'li',
    { class: 'carry-trip' },
    h('span', { class: 'carry-who' }, `${from} sent`),
    h('code', {}, label),
    h('span', { class: 'carry-who' }, 'arrived as'),
    h('code', {}, text),
    h('span', { class: 'carry-kind' }, kind),
  );
}

/** A picture for the image types a browser shows safely; any other file as a link that saves it. */
function fileEntry(file: FileIn) {
  const picture = PICTURES.has(file.type);
  const bytes = new Uint8Array(file.bytes); // an ArrayBuffer in a browser
  const url = dataUrl(bytes, picture ? file.type : 'application/octet-stream');
  return h(
    'li',
    { class: 'carry-file' },
    h('span', {}, `${file.from} sent ${file.name} (${sizeText(bytes.byteLength)})`),
    picture
      ? h('img', {
          src: url,
          alt: `Image from ${file.from}: ${file.name}`,
          class: 'carry-picture',
        })
      : h('a', { href: url, download: file.name }, `Save ${file.name}`),
  );
}

export default carryClient;
