/** A file to offer with the path it should have at the receiver, e.g. from a drop of a folder. */
export interface OfferItem {
  file: Blob;
  path: string;
  lastModified?: number;
}
export type Offerable = File | OfferItem;

export interface OutgoingItem {
  blob: Blob;
  path: string;
  size: number;
  lastModified: number;
  mime: string;
}

/**
 * What the sender says about each file. A file picked with `<input webkitdirectory>` knows its
 * place in the folder (`webkitRelativePath`, "photos/2024/a.jpg"); a plain pick only its name.
 * The path goes as the sender has it: cleaning it is the receiver's job, since the receiver
 * cannot trust the sender to have done it.
 */
export function describeItem(item: Offerable): OutgoingItem {
  if (item instanceof File) {
    return {
      blob: item,
      path: item.webkitRelativePath || item.name || 'unnamed',
      size: item.size,
      lastModified: Math.trunc(item.lastModified),
      mime: item.type.slice(0, 255),
    };
  }
  const lastModified =
    item.lastModified ?? (item.file instanceof File ? item.file.lastModified : 0);
  return {
    blob: item.file,
    path: item.path || 'unnamed',
    size: item.file.size,
    lastModified: Math.trunc(lastModified),
    mime: item.file.type.slice(0, 255),
  };
}
