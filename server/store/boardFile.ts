import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { BoardSummary } from './boardStore.ts';

/**
 * One board's file on disk, binary so a store never has to base64 or JSON-encode the
 * whole state (for a 5,000-card board that was ~5 ms of blocking work per store, plus
 * the same again to decode it on load):
 *
 *   iedereen board 1\n                     magic line (ASCII)
 *   {"schemaVersion":1,"summary":{…},"format":"yjs-update-v1","bytes":N}\n   header (JSON, one line)
 *   N bytes                                Y.encodeStateAsUpdate of the whole document
 *
 * The header can be read without reading the state (`head -2` shows it too), so the
 * summary — updatedAt included — lives here and the shared index need not be rewritten
 * on every store.
 */
export const BOARD_FILE_MAGIC = 'iedereen board 1\n';
const MAGIC = Buffer.from(BOARD_FILE_MAGIC, 'ascii');
const NEWLINE = 0x0a;
/** A header is well under 1 KB (titles are short); anything bigger is not a board file. */
const MAX_HEADER_BYTES = 64 * 1024;

export interface BoardFileHeader {
  schemaVersion: number;
  summary: BoardSummary;
  format: 'yjs-update-v1';
  /** Length of the state that follows the header: a shorter file is damaged. */
  bytes: number;
}

export interface BoardFileContent {
  header: BoardFileHeader;
  /** A view into the file's buffer, no copy. */
  state: Uint8Array;
}

export class BoardFileError extends Error {
  constructor(filename: string, problem: string) {
    super(`${filename}: ${problem}`);
    this.name = 'BoardFileError';
  }
}

/** The file as chunks to write one after the other (the state is not copied). */
export function encodeBoardFile(schemaVersion: number, summary: BoardSummary, state: Uint8Array): Uint8Array[] {
  const header: BoardFileHeader = { schemaVersion, summary, format: 'yjs-update-v1', bytes: state.byteLength };
  return [MAGIC, Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), state];
}

/** Where the header line ends (index of its newline), or -1 when the bytes hold no complete header yet. */
function headerEnd(filename: string, bytes: Uint8Array): number {
  if (bytes.byteLength < MAGIC.byteLength || !MAGIC.equals(bytes.subarray(0, MAGIC.byteLength))) {
    throw new BoardFileError(filename, 'not a board file (no magic line)');
  }
  return bytes.indexOf(NEWLINE, MAGIC.byteLength);
}

function parseHeader(filename: string, bytes: Uint8Array, end: number): BoardFileHeader {
  let header: BoardFileHeader;
  try {
    header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + MAGIC.byteLength, end - MAGIC.byteLength).toString('utf8'));
  } catch {
    throw new BoardFileError(filename, 'header is not JSON');
  }
  const summary = header?.summary;
  if (
    !header ||
    header.format !== 'yjs-update-v1' ||
    !Number.isSafeInteger(header.bytes) ||
    header.bytes < 0 ||
    typeof header.schemaVersion !== 'number' ||
    !summary ||
    typeof summary.id !== 'string' ||
    typeof summary.title !== 'string' ||
    typeof summary.createdAt !== 'number' ||
    typeof summary.updatedAt !== 'number'
  ) {
    throw new BoardFileError(filename, 'header is not a board header');
  }
  return header;
}

/** Decodes a whole board file; throws BoardFileError when it is damaged (never returns part of a state). */
export function decodeBoardFile(filename: string, bytes: Uint8Array): BoardFileContent {
  const end = headerEnd(filename, bytes);
  if (end < 0) throw new BoardFileError(filename, 'header is cut off');
  const header = parseHeader(filename, bytes, end);
  // A plain Uint8Array view (not a Buffer), as Y.encodeStateAsUpdate gives: no copy.
  const state = new Uint8Array(bytes.buffer, bytes.byteOffset + end + 1, bytes.byteLength - end - 1);
  if (state.byteLength !== header.bytes) {
    throw new BoardFileError(filename, `state is ${state.byteLength} bytes, header says ${header.bytes}`);
  }
  return { header, state };
}

/** Reads a board file; null when it does not exist. */
export async function readBoardFile(filename: string): Promise<BoardFileContent | null> {
  try {
    return decodeBoardFile(filename, await readFile(filename));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The file opened for reading, or null when it does not exist. */
async function openIfExists(filename: string): Promise<FileHandle | null> {
  try {
    return await open(filename, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Reads only a board file's header (a few hundred bytes, whatever the board's size); null when it does not exist. */
export async function readBoardFileHeader(filename: string): Promise<BoardFileHeader | null> {
  const file = await openIfExists(filename);
  if (!file) return null;
  try {
    let size = 4096;
    for (;;) {
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await file.read(buffer, 0, size, 0);
      const bytes = buffer.subarray(0, bytesRead);
      const end = headerEnd(filename, bytes);
      if (end >= 0) return parseHeader(filename, bytes, end);
      if (bytesRead < size || size >= MAX_HEADER_BYTES) throw new BoardFileError(filename, 'header is cut off');
      size = MAX_HEADER_BYTES;
    }
  } finally {
    await file.close();
  }
}

/**
 * A cheap check that a board file is whole, without reading its state: the header parses
 * and the file is exactly as long as the header says. Throws BoardFileError when it is
 * not; null when the file does not exist. (Flipped bytes inside the state are only found
 * by decoding it: see readBoardFile.)
 */
export async function checkBoardFileLength(filename: string): Promise<BoardFileHeader | null> {
  const file = await openIfExists(filename);
  if (!file) return null;
  try {
    const { size } = await file.stat();
    const buffer = Buffer.alloc(Math.min(size, MAX_HEADER_BYTES));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    const bytes = buffer.subarray(0, bytesRead);
    const end = headerEnd(filename, bytes);
    if (end < 0) throw new BoardFileError(filename, 'header is cut off');
    const header = parseHeader(filename, bytes, end);
    const stateBytes = size - end - 1;
    if (stateBytes !== header.bytes) throw new BoardFileError(filename, `state is ${stateBytes} bytes, header says ${header.bytes}`);
    return header;
  } finally {
    await file.close();
  }
}
