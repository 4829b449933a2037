// #region level-meter
/**
 * Measures how loud a microphone track is, once per animation frame, and reports it as
 * `level` (0 for silence at −60 dB or below, 1 for the loudest a sample can be) and `db`.
 *
 * @returns a function that stops measuring.
 */
export function watchLevel(
  track: MediaStreamTrack,
  onLevel: (level: number, db: number) => void,
): () => void {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  // Not connected on to `context.destination`: you would hear yourself.
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);

  let frame = 0;
  const measure = () => {
    analyser.getFloatTimeDomainData(samples); // the last fftSize samples, each from −1 to 1
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    const rms = Math.sqrt(sum / samples.length); // root mean square: the average loudness
    const db = 20 * Math.log10(rms); // decibels below full scale; −Infinity for silence
    onLevel(Math.min(1, Math.max(0, (db + 60) / 60)), db);
    frame = requestAnimationFrame(measure);
  };
  measure();

  return () => {
    cancelAnimationFrame(frame);
    void context.close();
  };
}
// #endregion level-meter
