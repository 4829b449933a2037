import { openScreen } from '@peerlab/capture';
import type { RoomCall } from '@peerlab/peer';

/**
 * Sends a screen, window or tab instead of the camera, to every peer and to whoever joins
 * later; stopping (here, or with the browser's own "Stop sharing") brings the camera back.
 * `replaceTrack` swaps what a sender sends without a renegotiation. Returns `stop`.
 */
export async function shareScreen(call: RoomCall, onStop: () => void): Promise<() => void> {
  const stream = call.localStream;
  const camera = stream?.getVideoTracks()[0];
  if (!stream || !camera) throw new Error('Join the room with your camera first.');
  const [screen] = (await openScreen({ preset: 'hd' })).getVideoTracks();
  if (!screen) throw new DOMException('The browser shared no video.', 'NotFoundError');

  const swap = async (from: MediaStreamTrack, to: MediaStreamTrack) => {
    // The stream is the one new peers get, so a newcomer sees what everyone else sees.
    stream.removeTrack(from);
    stream.addTrack(to);
    const senders = [...call.sessions.values()].flatMap((session) => session.pc.getSenders());
    await Promise.all(senders.filter((s) => s.track === from).map((s) => s.replaceTrack(to)));
  };
  await swap(camera, screen);

  let sharing = true;
  const stop = () => {
    if (!sharing) return;
    sharing = false;
    void swap(screen, camera);
    screen.stop();
    onStop();
  };
  screen.addEventListener('ended', stop);
  return stop;
}
