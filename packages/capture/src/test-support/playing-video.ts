/**
 * Test helper: a `<video>` in the page, playing `stream`, that already shows its first frame.
 * Remove it with `video.remove()` when done.
 */
export async function playingVideo(stream: MediaStream): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  document.body.append(video);
  await video.play();
  return video;
}
