import type { BrowserContext, Page } from '@playwright/test';

/** Where the recorder keeps its marks in the page (not enumerable, so pages don't see it). */
const KEY = '__peerlabCallTimeline';

/** What a page did, and when: first occurrence of each mark, in the page's performance clock. */
export interface PageTimeline {
  marks: Record<string, number>;
  /** Each script the page loaded, and how long it took from request to its last byte. */
  scripts: { url: string; ms: number }[];
  /** `Date.now() - (performance.timeOrigin + performance.now())`: aligns two pages' clocks. */
  wallOffset: number;
  timeOrigin: number;
  domContentLoaded: number;
  load: number;
}

/**
 * Runs in the page before its own scripts. It wraps the browser APIs every WebRTC page uses,
 * so one recorder times PeerLab and the 2014 codelab alike, without touching their code:
 * getUserMedia, RTCPeerConnection (descriptions, ICE and connection states, tracks),
 * socket.io's WebSocket and XHR-polling traffic, and the first frame each <video> shows.
 * Marks are `performance.timeOrigin + performance.now()`, first occurrence only.
 */
function recordCallTimeline(key: string): void {
  const marks: Record<string, number> = {};
  const mark = (name: string) => {
    if (!(name in marks)) marks[name] = performance.timeOrigin + performance.now();
  };
  Object.defineProperty(window, key, { value: marks });
  // Main-thread time in long tasks (> 50 ms each) before the first remote frame: what the
  // page's own work costs while the call is being set up.
  marks['long-tasks'] = 0;
  new PerformanceObserver((list) => {
    if ('remote-frame' in marks) return;
    for (const task of list.getEntries()) marks['long-tasks']! += task.duration;
  }).observe({ type: 'longtask', buffered: true });
  /** Tracks that arrived from a peer: a video showing one of them shows the remote side. */
  const remoteTracks = new WeakSet<MediaStreamTrack>();

  const getUserMedia = MediaDevices.prototype.getUserMedia;
  MediaDevices.prototype.getUserMedia = function (...args) {
    mark('gum-called');
    return getUserMedia.apply(this, args).then((stream) => (mark('gum-resolved'), stream));
  };

  window.RTCPeerConnection = new Proxy(RTCPeerConnection, {
    construct(target, args, newTarget) {
      const pc: RTCPeerConnection = Reflect.construct(target, args, newTarget);
      mark('pc-created');
      pc.addEventListener('track', ({ track }) => {
        remoteTracks.add(track);
        mark('track');
      });
      pc.addEventListener('icecandidate', ({ candidate }) => candidate && mark('candidate-found'));
      pc.addEventListener('iceconnectionstatechange', () => {
        if (['connected', 'completed'].includes(pc.iceConnectionState)) mark('ice-connected');
      });
      pc.addEventListener('connectionstatechange', () => {
        if (pc.connectionState === 'connected') mark('connected');
      });
      return pc;
    },
  });
  // Old pages pass callbacks too: hand every argument on, and time the promise it returns.
  const proto = RTCPeerConnection.prototype;
  const setLocal = proto.setLocalDescription;
  proto.setLocalDescription = function (this: RTCPeerConnection, ...args: unknown[]) {
    const done = (setLocal as (...a: unknown[]) => Promise<void>).apply(this, args);
    void Promise.resolve(done).then(() => mark(`local-${this.localDescription?.type}-set`));
    return done;
  } as typeof setLocal;
  const setRemote = proto.setRemoteDescription;
  proto.setRemoteDescription = function (this: RTCPeerConnection, ...args: unknown[]) {
    const type = (args[0] as RTCSessionDescriptionInit | undefined)?.type;
    const done = (setRemote as (...a: unknown[]) => Promise<void>).apply(this, args);
    void Promise.resolve(done).then(() => mark(`remote-${type}-set`));
    return done;
  } as typeof setRemote;

  /** socket.io traffic, both versions: engine.io packets, length-prefixed (v3) or \x1e-split (v4). */
  const packetsOf = (text: string): string[] => {
    if (text.includes('\x1e')) return text.split('\x1e');
    const packets: string[] = [];
    let at = 0;
    for (let m = /^(\d+):/.exec(text); m; m = /^(\d+):/.exec(text.slice(at))) {
      at += m[0].length;
      packets.push(text.slice(at, at + Number(m[1])));
      at += Number(m[1]);
    }
    return at === text.length && packets.length > 0 ? packets : [text];
  };
  const inspect = (data: unknown, way: 'in' | 'out') => {
    if (typeof data !== 'string') return;
    for (const packet of packetsOf(data)) {
      if (way === 'in' && packet.startsWith('40')) mark('socket-connected');
      if (way === 'in' && packet.startsWith('43')) mark('join-ack'); // PeerLab: the join's ack
      if (packet.includes('"type":"offer"')) mark(`offer-${way}`);
      if (packet.includes('"type":"answer"')) mark(`answer-${way}`);
      if (packet.includes('"candidate":"candidate:')) mark(`candidate-${way}`);
      if (!packet.startsWith('42')) continue;
      let event: unknown[];
      try {
        event = JSON.parse(packet.slice(packet.indexOf('['))) as unknown[];
      } catch {
        continue;
      }
      const [name, first] = event;
      mark(`${way}:${String(name)}`);
      if (name === 'message' && typeof first === 'string') mark(`${way}:message:${first}`);
      if (way === 'out' && (name === 'join' || name === 'create or join')) mark('join-sent');
      if (way === 'in' && (name === 'created' || name === 'joined')) mark('join-ack'); // codelab
      if (way === 'in' && (name === 'peer-joined' || name === 'join')) mark('peer-joined');
    }
  };
  window.WebSocket = new Proxy(WebSocket, {
    construct(target, args, newTarget) {
      const socket: WebSocket = Reflect.construct(target, args, newTarget);
      mark('ws-created');
      socket.addEventListener('open', () => (mark('ws-open'), mark('transport-open')));
      socket.addEventListener('message', ({ data }) => inspect(data, 'in'));
      return socket;
    },
  });
  const wsSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    inspect(data, 'out');
    return wsSend.call(this, data);
  };
  const urls = new WeakMap<XMLHttpRequest, string>();
  const xhrOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    urls.set(this, String(args[1]));
    return (xhrOpen as (...a: unknown[]) => void).apply(this, args);
  } as typeof xhrOpen;
  const xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body) {
    if (urls.get(this)?.includes('/socket.io/')) {
      mark('xhr-created');
      inspect(body, 'out');
      this.addEventListener('load', () => {
        mark('transport-open');
        if (this.responseType === '' || this.responseType === 'text') {
          inspect(this.responseText, 'in');
        }
      });
    }
    return xhrSend.call(this, body);
  };

  // First frame: readyState ≥ HAVE_CURRENT_DATA with a size, checked on every event and frame.
  const srcObject = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject')!;
  const watched = new WeakSet<HTMLVideoElement>();
  const check = (video: HTMLVideoElement) => {
    const stream = video.srcObject;
    if (!(stream instanceof MediaStream) || video.readyState < 2 || video.videoWidth === 0) return;
    const remote = stream.getVideoTracks().some((track) => remoteTracks.has(track));
    mark(remote ? 'remote-frame' : 'local-frame');
  };
  const watch = (video: HTMLVideoElement) => {
    if (watched.has(video)) return;
    watched.add(video);
    for (const type of ['loadeddata', 'resize', 'playing']) {
      video.addEventListener(type, () => check(video));
    }
    const onFrame = () => {
      check(video);
      if (!('remote-frame' in marks)) video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    ...srcObject,
    set(this: HTMLMediaElement, value: MediaProvider | null) {
      srcObject.set!.call(this, value);
      if (this instanceof HTMLVideoElement && value) watch(this);
    },
  });
}

/** Installs the recorder in every page of `context`, before the page's own scripts. */
export async function recordCallTimelines(context: BrowserContext): Promise<void> {
  // tsx names functions by calling `__name(…)`; the page gets only the source, so define it there.
  await context.addInitScript(
    `(() => { const __name = (target) => target; (${recordCallTimeline.toString()})(${JSON.stringify(KEY)}); })();`,
  );
}

/** Waits until the page has every one of `names` (or any of `failures`, which throws). */
export async function waitForMarks(
  page: Page,
  names: string[],
  { failures = [] as string[], timeout = 20_000 } = {},
): Promise<void> {
  const found = await page
    .waitForFunction(
      ({ key, names, failures }) => {
        const marks = (window as unknown as Record<string, Record<string, number>>)[key] ?? {};
        const failed = failures.find((name) => name in marks);
        if (failed) return `failed: ${failed}`;
        return names.every((name) => name in marks) && 'ok';
      },
      { key: KEY, names, failures },
      { timeout, polling: 5 },
    )
    .catch(async (error: Error) => {
      const seen = await page.evaluate((key) => Object.keys(window[key as never] ?? {}), KEY);
      throw new Error(`${page.url()}: no ${names.join(', ')} (marks: ${seen.join(', ')})`, {
        cause: error,
      });
    });
  const result = await found.jsonValue();
  if (result !== 'ok') throw new Error(`${page.url()}: ${result}`);
}

export function readTimeline(page: Page): Promise<PageTimeline> {
  return page.evaluate((key) => {
    const marks = { ...(window as unknown as Record<string, Record<string, number>>)[key] };
    // Date.now() ticks in whole milliseconds: the smallest of many differences is the offset.
    let wallOffset = Infinity;
    for (let i = 0; i < 50; i++) {
      wallOffset = Math.min(
        wallOffset,
        Date.now() + 1 - (performance.timeOrigin + performance.now()),
      );
    }
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    const { timeOrigin } = performance;
    if (navigation) marks['html-received'] = timeOrigin + navigation.responseEnd;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.initiatorType === 'script')
      .map(({ name, startTime, responseEnd }) => ({
        url: name,
        ms: responseEnd - startTime,
        responseEnd,
      }));
    if (scripts.length > 0) {
      marks['scripts-received'] = timeOrigin + Math.max(...scripts.map((s) => s.responseEnd));
    }
    return {
      marks,
      scripts: scripts.map(({ url, ms }) => ({ url, ms })),
      wallOffset,
      timeOrigin,
      domContentLoaded: timeOrigin + (navigation?.domContentLoadedEventEnd ?? Number.NaN),
      load: timeOrigin + (navigation?.loadEventEnd ?? Number.NaN),
    };
  }, KEY);
}
