// #region connect
import { io, type Socket } from 'socket.io-client';
// Types only: nothing of the package ends up in this page, the code that talks to the hub is yours.
import type {
  ClientEvents,
  JoinedResult,
  JoinReply,
  JoinRequest,
  ServerEvents,
} from '@peerlab/signaling';
import { drawEvent } from './sequence-diagram.ts';

// The hub serves this page and signaling on one origin, so io() needs no URL. WebSocket from
// the start: no long-polling first, which would need sticky sessions behind a load balancer.
const socket: Socket<ServerEvents, ClientEvents> = io({ transports: ['websocket'] });
// #endregion connect

// #region setup
const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const roomInput = $<HTMLInputElement>('#room');
const peerIdOutput = $<HTMLOutputElement>('#peer-id');
const errorLine = $<HTMLParagraphElement>('#error');
const peerList = $<HTMLUListElement>('#peers');
const messageList = $<HTMLOListElement>('#messages');
const messageForm = $<HTMLFormElement>('#message-form');
const talk = $<HTMLFieldSetElement>('#message-form fieldset');
const textInput = $<HTMLInputElement>('#message-form input[name=text]');
const diagram = $<HTMLOListElement>('#diagram');

/** The room this page wants to be in: from the link (`?room=…`) or the form. */
let room = new URLSearchParams(location.search).get('room') ?? '';
roomInput.value = room;
/** The server's answer to the last join: peer id, secret token, who was already there. */
let joined: JoinedResult | undefined;
/** The other peers in the room, by peer id. */
const peers = new Set<string>();

/** Peer ids are UUIDs; their first four characters tell the peers of a room apart. */
const short = (peerId: string) => `peer ${peerId.slice(0, 4)}`;
// #endregion setup

// #region diagram
// Every event this page sends or receives becomes an arrow, in the order it happens.
socket.onAnyOutgoing((event: string, payload?: unknown) =>
  drawEvent(diagram, 'out', event, payload),
);
socket.onAny((event: string, payload?: unknown) => drawEvent(diagram, 'in', event, payload));
// #endregion diagram

// #region join
async function join(): Promise<void> {
  const request: JoinRequest = { v: 1, room };
  // Back after a dropped connection: the secret token gets this page its old peer id back.
  if (joined?.room === room) request.resume = { peerId: joined.peerId, token: joined.token };
  let reply: JoinReply;
  try {
    reply = await socket.timeout(10_000).emitWithAck('join', request);
  } catch {
    return showError('no-answer', 'The signaling server did not answer within 10 s.');
  }
  drawEvent(diagram, 'in', 'join (answer)', reply); // an acknowledgement, not an event
  joined = reply.ok ? reply : undefined;
  peers.clear();
  for (const { peerId } of joined?.peers ?? []) peers.add(peerId);
  showPeers();
  peerIdOutput.textContent = joined ? short(joined.peerId) : 'not in a room';
  talk.disabled = !joined;
  if (!reply.ok) showError(reply.error.code, reply.error.message);
}

// Join on every (re)connection: a new connection starts outside any room.
socket.on('connect', () => {
  errorLine.hidden = true;
  if (room) void join();
});
socket.on('disconnect', () => (talk.disabled = true));
$<HTMLFormElement>('#join-form').addEventListener('submit', (event) => {
  event.preventDefault();
  room = roomInput.value.trim();
  history.replaceState(null, '', `?room=${encodeURIComponent(room)}`); // a link to share
  errorLine.hidden = true;
  messageList.replaceChildren();
  if (socket.connected) void join();
});
// #endregion join

// #region presence
socket.on('peer-joined', ({ peerId }) => {
  peers.add(peerId);
  showPeers();
  addLine(`${short(peerId)} joined`, 'note');
});
socket.on('peer-left', ({ peerId, reason }) => {
  peers.delete(peerId);
  showPeers();
  const why = reason === 'disconnected' ? ' (its connection was lost)' : '';
  addLine(`${short(peerId)} left${why}`, 'note');
});

function showPeers(): void {
  peerList.replaceChildren(
    ...[...peers].map((peerId) =>
      Object.assign(document.createElement('li'), { textContent: short(peerId) }),
    ),
  );
}
// #endregion presence

// #region send
messageForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = textInput.value.trim();
  if (!text) return;
  // No `to`: the server relays it to the others in *this* room, and to no one else.
  socket.emit('relay', { payload: { kind: 'message', body: text } });
  addLine(`You: ${text}`, 'mine');
  textInput.value = '';
});
// #endregion send

// #region receive
socket.on('relay', ({ from, payload }) => {
  if (payload.kind !== 'message') return; // descriptions and candidates come in step 6
  const text = typeof payload.body === 'string' ? payload.body : JSON.stringify(payload.body);
  addLine(`${short(from)}: ${text}`);
});

function addLine(text: string, className = ''): void {
  const line = Object.assign(document.createElement('li'), { textContent: text, className });
  messageList.append(line);
  line.scrollIntoView({ block: 'nearest' });
}
// #endregion receive

// #region errors
// The server checks every event; what it can't accept comes back as a typed `error`.
socket.on('error', ({ code, message }) => showError(code, message));
socket.on('connect_error', () =>
  showError(
    'no-connection',
    'The signaling server cannot be reached. Is the hub running? Retrying…',
  ),
);

$<HTMLButtonElement>('#bad-message').addEventListener('click', () => {
  // A message without its body. TypeScript refuses it, so it is forced through with `as never`:
  // the server must check anyway, because any page or script can send it anything.
  socket.emit('relay', { payload: { kind: 'message' } } as never);
});

function showError(code: string, message: string): void {
  errorLine.replaceChildren(Object.assign(document.createElement('code'), { textContent: code }));
  errorLine.append(` ${message}`);
  errorLine.hidden = false;
}
// #endregion errors

// #region leave
// Closing the tab: say goodbye, so the room hears `peer-left` at once, not after the grace
// period the server gives a peer whose connection merely dropped.
addEventListener('pagehide', () => socket.emit('leave'));
// #endregion leave

// #region devtools
// The page handle (`PageHandle` in @peerlab/testing): the tests read it, and in DevTools try
// `peerlab.joined.peers`, `peerlab.socket.emit('leave')`…
Object.defineProperty(window, 'peerlab', {
  value: {
    socket,
    get joined() {
      return joined;
    },
  },
});
// #endregion devtools
