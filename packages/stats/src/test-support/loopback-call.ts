/** Test helper: two connected RTCPeerConnections in this page, `sender` sending the fake camera. */
export async function loopbackCall(): Promise<{
  sender: RTCPeerConnection;
  receiver: RTCPeerConnection;
  /** What `receiver` receives, ready for a `<video>`. */
  remoteStream: MediaStream;
  close: () => void;
}> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: 640, height: 480 },
  });
  const sender = new RTCPeerConnection();
  const receiver = new RTCPeerConnection();
  sender.onicecandidate = ({ candidate }) => candidate && void receiver.addIceCandidate(candidate);
  receiver.onicecandidate = ({ candidate }) => candidate && void sender.addIceCandidate(candidate);
  const remoteStream = new MediaStream();
  receiver.ontrack = ({ track }) => remoteStream.addTrack(track);
  for (const track of stream.getTracks()) sender.addTrack(track, stream);
  await sender.setLocalDescription();
  await receiver.setRemoteDescription(sender.localDescription!);
  await receiver.setLocalDescription();
  await sender.setRemoteDescription(receiver.localDescription!);
  const close = () => {
    sender.close();
    receiver.close();
    stream.getTracks().forEach((track) => track.stop());
  };
  return { sender, receiver, remoteStream, close };
}
