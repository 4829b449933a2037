// #region gather
/**
 * Gathers this browser's ICE candidates with a throwaway connection, calling `onCandidate` for
 * each as it is found, and resolves once gathering is complete.
 */
export async function gatherCandidates(
  config: RTCConfiguration,
  onCandidate: (candidate: RTCIceCandidate) => void,
): Promise<void> {
  const pc = new RTCPeerConnection(config);
  try {
    // A connection with nothing to send has nothing to offer, so it gathers nothing:
    // a data channel is the cheapest something.
    pc.createDataChannel('gather');
    const complete = new Promise<void>((resolve) => {
      pc.onicegatheringstatechange = () => {
        if (pc.iceGatheringState === 'complete') resolve();
      };
    });
    pc.onicecandidate = ({ candidate }) => {
      // `null`, or an empty candidate, means "no more": the end-of-candidates marker.
      if (candidate?.candidate) onCandidate(candidate);
    };
    await pc.setLocalDescription(); // creates the offer, and gathering starts
    await complete;
  } finally {
    pc.close(); // nobody answers this offer: it was only for the candidates
  }
}
// #endregion gather
