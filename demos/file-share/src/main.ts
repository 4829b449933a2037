import '@peerlab/ui';
import type { PlCallStatus, PlError } from '@peerlab/ui';
import { selectedPath } from '@peerlab/peer';
import { MEMORY_SINK_LIMIT, formatBytes, type OfferItem } from '@peerlab/transfer';
import { render } from 'lit';
import { FileRoom } from './file-room.ts';
import { pathWords } from './peer-path.ts';
import { droppedFiles, pickedFiles, textSnippet } from './pick-files.ts';
import { ReceivedStorage } from './received-storage.ts';
import { Receiving } from './receiving.ts';
import { ResumeStore } from './resume-store.ts';
import { qrCode } from './room-link.ts';
import { canSaveAs, saveAs } from './save-as.ts';
import { Sending } from './sending.ts';
import { incomingView, shareView, type ViewActions } from './share-views.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const status = $<PlCallStatus>('#status');
const errorBox = $<PlError>('#error');

// A room in the link (?room=…) is the invitation: open it and you are in the same room.
// `&relay` sends every call through TURN, to see what a relayed transfer looks like.
const params = new URLSearchParams(location.search);
const roomName = params.get('room') ?? `files-${crypto.randomUUID().slice(0, 8)}`;
history.replaceState(null, '', `?room=${encodeURIComponent(roomName)}${location.hash}`);
const relayOnly = params.has('relay');
const link = `${location.origin}${location.pathname}?room=${encodeURIComponent(roomName)}`;
$<HTMLAnchorElement>('#room-link').href = $('#room-link').textContent = link;
$('#qr').replaceChildren(qrCode(link));

const resume = new ResumeStore();
const storage = await ReceivedStorage.open();
$('#storage-note').textContent = storage.folder
  ? 'Files are written to this site’s private storage as they arrive; a reload keeps what was verified.'
  : `This browser cannot write to disk as files arrive: each file is kept in memory, up to ${formatBytes(MEMORY_SINK_LIMIT)}.`;

const room = new FileRoom(relayOnly, () => resume.load());
const sending = new Sending(
  room,
  () => renderSoon(),
  (error) => (errorBox.error = error),
);
const receiving = new Receiving(room, storage, resume, () => renderSoon());

// How each call goes (peer to peer, or relayed through TURN), read from getStats.
const paths = new Map<string, 'direct' | 'relay' | undefined>();
const pathTimer = setInterval(async () => {
  for (const { peerId, session } of room.links.values()) {
    const path = await selectedPath(session.pc).catch(() => undefined);
    if (paths.get(peerId) === path) continue;
    paths.set(peerId, path);
    renderSoon();
  }
}, 1000);
addEventListener('pagehide', () => clearInterval(pathTimer));

const actions: ViewActions = {
  stop: (share) => sending.stop(share),
  accept: (incoming) => void receiving.accept(incoming),
  decline: (incoming) => receiving.decline(incoming),
  cancel: (incoming) => receiving.cancel(incoming),
  save: async (entry) => {
    const file = await storage.file(entry.path);
    if (file) await saveAs(file, entry.path.split('/').pop()!).catch((e) => (errorBox.error = e));
  },
  pathOf: (peerId) => pathWords(paths.get(peerId)),
  canSaveAs,
};

let frame = 0;
function renderSoon(): void {
  frame ||= requestAnimationFrame(() => {
    frame = 0;
    render(
      sending.shares.map((share) => shareView(share, actions)),
      $<HTMLElement>('#shares'),
    );
    if (receiving.offers.length > 0) {
      render(
        receiving.offers.map((incoming) => incomingView(incoming, actions)),
        $<HTMLElement>('#incoming'),
      );
    }
    const count = room.links.size;
    if (joined && status.state !== 'reconnecting') status.state = count ? 'connected' : 'waiting';
    $('#peers').textContent =
      count === 0 ? 'Nobody else here yet: send them the link.' : `${count} other(s) here.`;
  });
}

function share(items: OfferItem[]): void {
  errorBox.error = null;
  sending.share(items);
}

// #region pickers
for (const input of [$<HTMLInputElement>('#files'), $<HTMLInputElement>('#folder')]) {
  input.addEventListener('change', () => {
    share(pickedFiles(input));
    input.value = '';
  });
}
const dropZone = $<HTMLElement>('#drop-zone');
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('over');
});
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('over');
  if (event.dataTransfer) void droppedFiles(event.dataTransfer).then(share);
});
// #endregion pickers
let snippets = 0;
$<HTMLFormElement>('#text-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $<HTMLTextAreaElement>('#text');
  if (text.value.trim() === '') return;
  share([textSnippet(text.value, ++snippets)]);
  text.value = '';
});

room.on('link', () => renderSoon());
room.on('unlink', () => renderSoon());
room.call.on('error', (error) => (errorBox.error = error));
let joined = false;
room.call.signaling.on('state', (state) => {
  if (state === 'reconnecting') status.state = 'reconnecting';
  else if (status.state === 'reconnecting') status.state = 'connected';
  renderSoon();
});

// The page handle (see `PageHandle` in @peerlab/testing): for DevTools, and what the e2e tests
// read. `peerlab.share([{ file, path }])` offers files as the pickers do.
Object.defineProperty(window, 'peerlab', {
  value: { call: room.call, room, sending, receiving, storage, resume, share },
});

try {
  await room.join(roomName);
  joined = true;
} catch (error) {
  status.state = 'failed';
  errorBox.error = error; // such as "This room is full"
}
renderSoon();
