import '@peerlab/ui';
import './chat-message-list.ts';
import './chat-peer-list.ts';
import type { PlCallStatus, PlError } from '@peerlab/ui';
import { imageProblem, readImage } from './image-file.ts';
import { openRoom, type OpenRoom } from './open-room.ts';
import { trackPeerPaths } from './peer-rows.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const roomInput = $<HTMLInputElement>('#room');
const nickInput = $<HTMLInputElement>('#nick');
const sizeInput = $<HTMLInputElement>('#size');
const status = $<PlCallStatus>('#status');
const errorBox = $<PlError>('#error');
const list = document.querySelector('chat-message-list')!;
const peers = document.querySelector('chat-peer-list')!;
const typing = $<HTMLParagraphElement>('#typing');
const textBox = $<HTMLTextAreaElement>('#text');
const imageInput = $<HTMLInputElement>('#image');
const loss = $<HTMLInputElement>('#loss');

// A room in the link (?room=…) is the invitation: open it and you are in the same room.
// `&relay` sends every call through TURN, to see what a relayed call looks like.
const params = new URLSearchParams(location.search);
const relayOnly = params.has('relay');
roomInput.value = params.get('room') ?? `chat-${Math.random().toString(36).slice(2, 6)}`;
nickInput.value = localStorage.getItem('peerlab-chat:nick') ?? '';

let room: OpenRoom | undefined;
let capacity = 0;
let stopRoom: (() => void)[] = [];
let visible: string[] = [];

$<HTMLFormElement>('#join-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  errorBox.error = null;
  performance.clearMeasures('room-open');
  performance.mark('join-clicked');
  const nick = nickInput.value.trim();
  localStorage.setItem('peerlab-chat:nick', nick);
  setBusy(true);
  status.state = 'joining';
  try {
    const name = roomInput.value.trim();
    const size = sizeInput.valueAsNumber;
    ({ capacity } = await openRoom({ room: name, nick, size, relayOnly }, wire));
    history.replaceState(null, '', `?room=${encodeURIComponent(name)}${relayOnly ? '&relay' : ''}`);
    $<HTMLAnchorElement>('#invite-link').href = $<HTMLAnchorElement>('#invite-link').textContent =
      location.href;
    $<HTMLElement>('#invite').hidden = false;
    updateStatus();
  } catch (error) {
    errorBox.error = error; // <pl-error> words a refusal from the hub ("This room is full")
    leave();
  }
});

$('#leave').addEventListener('click', () => leave());

$<HTMLFormElement>('#composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = textBox.value;
  if (!room || text.trim() === '') return;
  send(() => room!.chat.send(text));
  textBox.value = '';
});
// Enter sends, Shift+Enter is a new line.
textBox.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  $<HTMLFormElement>('#composer').requestSubmit();
});
textBox.addEventListener('input', () => room?.chat.setTyping(textBox.value.trim() !== ''));
textBox.addEventListener('paste', (event) => {
  const file = event.clipboardData?.files[0];
  if (!file) return;
  event.preventDefault();
  void sendImage(file);
});
$('#chat').addEventListener('dragover', (event) => event.preventDefault());
$('#chat').addEventListener('drop', (event) => {
  const file = (event as DragEvent).dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  void sendImage(file);
});
imageInput.addEventListener('change', () => {
  const file = imageInput.files?.[0];
  imageInput.value = '';
  if (file) void sendImage(file);
});

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=mode]')) {
  radio.addEventListener('change', () => {
    if (room) room.chat.mode = radio.value as 'reliable' | 'unreliable';
  });
}
loss.addEventListener('input', () => {
  $<HTMLOutputElement>('#loss-value').value = `${loss.value} %`;
  if (room) room.chat.simulatedLoss = loss.valueAsNumber / 100;
});
$('#clear').addEventListener('click', () => void room?.chat.clearHistory());

// Read receipts: a message counts as read once it was in view on a visible page.
list.addEventListener('chat-visible', (event) => {
  visible = (event as CustomEvent<string[]>).detail;
  markRead();
});
document.addEventListener('visibilitychange', markRead);

async function sendImage(file: File): Promise<void> {
  const problem = imageProblem(file);
  if (problem) return void (errorBox.error = problem);
  const image = await readImage(file);
  send(() => room?.chat.send('', image));
}

function send(write: () => void): void {
  try {
    write();
    errorBox.error = null;
  } catch (error) {
    errorBox.error = {
      title: 'That message is too long to send',
      message: (error as Error).message,
      fix: 'Send it in parts, or as a file through another way.',
    };
  }
}

function wire(opened: OpenRoom): void {
  room = opened;
  const { call, chat } = opened;
  chat.mode = $<HTMLInputElement>('input[name=mode]:checked').value as 'reliable' | 'unreliable';
  chat.simulatedLoss = loss.valueAsNumber / 100;
  const paths = trackPeerPaths(call, () => renderPeers());
  let frame = 0;
  const renderMessages = () => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      list.entries = [...chat.log.entries];
    });
  };
  const renderPeers = () => {
    peers.rows = paths.rows(chat);
    typing.textContent = typingWords(chat.typing);
  };
  list.nickOf = (author) => nickOf(opened, author);
  stopRoom = [
    chat.on('message', renderMessages),
    chat.on('receipt', renderMessages),
    chat.on('cleared', renderMessages),
    chat.on('members', () => {
      renderPeers();
      renderMessages();
    }),
    chat.on('rejected', ({ peerId, reason }) => {
      console.warn(`Refused a frame from ${peerId}: ${reason}`);
      renderPeers();
    }),
    call.on('error', (error) => (errorBox.error = error)),
    call.on('peer-added', () => updateStatus()),
    call.on('peer-removed', () => updateStatus()),
    call.on('peer-state', () => updateStatus()),
    call.signaling.on('state', (state) => {
      if (state === 'reconnecting') status.state = 'reconnecting';
      else updateStatus();
    }),
  ];
  const counters = setInterval(renderPeers, 1000); // the counters move without events
  stopRoom.push(() => clearInterval(counters));
  renderMessages();
  renderPeers();
  textBox.disabled = imageInput.disabled = $<HTMLButtonElement>('#send').disabled = false;
  $<HTMLButtonElement>('#clear').disabled = false;
  // How long the room took to open: from the click to its history on screen.
  void list.updateComplete.then(() =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (room !== opened) return;
        const measure = performance.measure('room-open', 'join-clicked');
        $('#timings').textContent =
          `${chat.log.size} messages of history shown ${Math.round(measure.duration)} ms after you clicked Join.`;
      }),
    ),
  );
}

function markRead(): void {
  if (room && document.visibilityState === 'visible') room.chat.markRead(visible);
}

function nickOf({ chat }: OpenRoom, author: string): string {
  return chat.nickOf(author) ?? `someone (${author.slice(0, 4)})`;
}

function typingWords(names: string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`;
}

/** One status for the room: waiting alone, or the least advanced of the calls. */
function updateStatus(): void {
  if (!room) return;
  const states = [...room.call.sessions.values()].map((session) => session.connectionState);
  if (states.length === 0) status.state = 'waiting';
  else if (states.every((state) => state === 'connected')) status.state = 'connected';
  else status.state = states.find((state) => state !== 'connected') ?? 'connecting';
  status.detail = capacity ? `${states.length + 1} of ${capacity} in the room` : '';
}

function leave(): void {
  for (const stop of stopRoom.splice(0)) stop();
  room?.call.leave();
  room?.store.close();
  room = undefined;
  capacity = 0;
  list.entries = [];
  peers.rows = [];
  typing.textContent = '';
  status.state = 'idle';
  status.detail = '';
  $<HTMLElement>('#invite').hidden = true;
  setBusy(false);
}

function setBusy(inRoom: boolean): void {
  $<HTMLButtonElement>('#join').disabled = inRoom;
  roomInput.disabled = nickInput.disabled = sizeInput.disabled = inRoom;
  $<HTMLButtonElement>('#leave').disabled = !inRoom;
  if (!inRoom) {
    textBox.disabled = imageInput.disabled = true;
    $<HTMLButtonElement>('#send').disabled = $<HTMLButtonElement>('#clear').disabled = true;
  }
}

// The page handle (see `PageHandle` in @peerlab/testing): for DevTools, and what the e2e tests
// and the benchmark read. `peerlab.chat.log.entries` is the history in order.
Object.defineProperty(window, 'peerlab', {
  value: {
    get call() {
      return room?.call;
    },
    get chat() {
      return room?.chat;
    },
    get store() {
      return room?.store;
    },
  },
});
