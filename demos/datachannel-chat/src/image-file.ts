import { CHAT_LIMITS, IMAGE_TYPES, type ChatImage } from '@peerlab/chat';
import type { ErrorDescription } from '@peerlab/ui';

/** A byte count for people: `980 B`, `45.1 kB`, `1.23 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** Why an image cannot be sent, in `<pl-error>`'s words, or undefined if it can. */
export function imageProblem(file: Blob): ErrorDescription | undefined {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) {
    return {
      title: 'That file is not an image the chat sends',
      message: `It is ${file.type || 'of an unknown type'}; the chat sends PNG, JPEG, GIF and WebP images.`,
      fix: 'Save it as PNG or JPEG and send it again.',
    };
  }
  if (file.size > CHAT_LIMITS.imageBytes) {
    return {
      title: 'That image is too large to send',
      message: `It is ${formatBytes(file.size)}; the chat sends images up to ${formatBytes(CHAT_LIMITS.imageBytes)}, so that every peer can keep the history.`,
      fix: 'Send a smaller one: a lower resolution, or a screenshot of part of the screen.',
    };
  }
  return undefined;
}

/** The image as the chat sends it: its type and its bytes in base64. */
export async function readImage(file: Blob): Promise<ChatImage> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read.'));
    reader.readAsDataURL(file);
  });
  return { type: file.type as ChatImage['type'], data: url.slice(url.indexOf(',') + 1) };
}
