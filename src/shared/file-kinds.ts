// The file formats the widget and the sandbox tell apart, and their MIME types: apart from the
// sniffing and checks of file-type.ts, so an element can name the formats without loading those.

/** File formats the sniffer recognises. */
export type FileKind = 'jpeg' | 'png' | 'pdf' | 'heic' | 'webp' | 'gif' | 'tiff' | 'bmp' | 'avif';

export const FILE_KINDS: readonly FileKind[] = ['jpeg', 'png', 'pdf', 'heic', 'webp', 'gif', 'tiff', 'bmp', 'avif'];

/** The MIME type of each recognised format: `image/` and its name, but `application/pdf`. */
export const FILE_KIND_MIME_TYPES: Readonly<Record<FileKind, string>> = Object.fromEntries(
  FILE_KINDS.map((kind) => [kind, (kind === 'pdf' ? 'application/' : 'image/') + kind]),
) as Record<FileKind, string>;
