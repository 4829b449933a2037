// #region encoding
/** The encoding settings this page offers. */
export interface EncodingChoice {
  /** Bits per second, or `undefined` for no limit. */
  maxBitrate: number | undefined;
  /** 1 sends the camera's size; 2 half its width and height; 4 a quarter. */
  scaleResolutionDownBy: number;
  /** What to give up first when bandwidth or CPU runs short; `undefined` leaves it to the browser. */
  degradationPreference: RTCDegradationPreference | undefined;
}

/**
 * Changes how `sender` encodes, at once and without a new offer: read the parameters, change
 * the encoding, give the same object back. A call without simulcast has one encoding.
 * Rejects if the browser refuses a value (a RangeError for a scale below 1, say).
 */
export async function setEncoding(sender: RTCRtpSender, choice: EncodingChoice): Promise<void> {
  const parameters = sender.getParameters();
  const [encoding] = parameters.encodings;
  if (!encoding) throw new Error('This sender has no encoding yet: wait for the call to connect.');
  if (choice.maxBitrate === undefined) delete encoding.maxBitrate;
  else encoding.maxBitrate = choice.maxBitrate;
  encoding.scaleResolutionDownBy = choice.scaleResolutionDownBy;
  // Not per encoding: it applies to the whole sender. Without it, a busy CPU or a thin network
  // makes the encoder lower the resolution by itself, on top of your scale.
  if (choice.degradationPreference === undefined) delete parameters.degradationPreference;
  else parameters.degradationPreference = choice.degradationPreference;
  // getParameters() stamped the object with a transactionId: setParameters wants it back as is.
  await sender.setParameters(parameters);
}
// #endregion encoding
