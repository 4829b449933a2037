// #region list
import type { PeerSession } from '@peerlab/peer';

/** Formats that repair or protect video (retransmission, redundancy, FEC): not codecs to pick. */
const NOT_CODECS = ['video/rtx', 'video/red', 'video/ulpfec', 'video/flexfec-03'];

/** The video codecs this browser can both send and receive, once each: VP8, VP9, H264, AV1… */
export function videoCodecs(): string[] {
  const sendable = RTCRtpSender.getCapabilities('video')?.codecs ?? [];
  const receivable = RTCRtpReceiver.getCapabilities('video')?.codecs ?? [];
  const both = sendable
    .map(({ mimeType }) => mimeType)
    .filter((mimeType) => receivable.some((codec) => codec.mimeType === mimeType));
  return [...new Set(both)].filter((mimeType) => !NOT_CODECS.includes(mimeType));
}
// #endregion list

// #region prefer
/**
 * Puts `mimeType` first in the video transceiver's codec list (`''`: the browser's own order)
 * and renegotiates. The other side answers with the first codec of the offer it can use, so
 * both then send `mimeType`.
 */
export function preferCodec(session: PeerSession, mimeType: string): void {
  const transceiver = session.pc
    .getTransceivers()
    .find(({ receiver }) => receiver.track.kind === 'video');
  if (!transceiver) throw new Error('There is no video in this call yet.');
  const codecs = RTCRtpReceiver.getCapabilities('video')?.codecs ?? [];
  // Keep every other codec, after the chosen one: they are the fallback if the other side
  // can't decode it, and the repair formats (rtx, red, ulpfec) must stay.
  const chosen = codecs.filter((codec) => codec.mimeType === mimeType);
  const others = codecs.filter((codec) => codec.mimeType !== mimeType);
  // An empty list (mimeType '') goes back to the browser's own order.
  transceiver.setCodecPreferences(mimeType ? [...chosen, ...others] : []);
  // Preferences only shape the next offer or answer, and setting them asks for neither
  // (no negotiationneeded): ask the session's perfect negotiation for a new offer.
  session.renegotiate();
}
// #endregion prefer
