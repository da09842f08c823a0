import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { BoardReader, readBoard, type Board } from '../../shared/docSchema.ts';
import { deriveSkillIndex, type SkillIndex } from '../../shared/skillIndex.ts';
import { SkillIndexer } from '../../shared/skillIndexer.ts';
import type { BoardStore } from '../store/boardStore.ts';

/** A board as plain data plus its skill index: what every index route answers from. */
export interface BoardView {
  board: Board;
  index: SkillIndex;
}

/** What follows an open board's document: its plain data and its skill index, both kept current by its updates. */
interface LiveEntry {
  reader: BoardReader;
  indexer: SkillIndexer;
}

/**
 * Skill indexes for every board, open or not. An open board (in Hocuspocus) gets one
 * BoardReader and one incremental SkillIndexer for as long as its document lives: a request
 * after an edit re-checks only the records that edit changed (on a 5,000-card board a card
 * move costs one position, not a re-validation of the whole board), and nothing is
 * recomputed per keystroke. A board nobody has open is derived once from its stored state
 * and cached until it is stored again.
 */
export class BoardIndexService {
  private readonly live = new WeakMap<Y.Doc, LiveEntry>();
  private readonly stored = new Map<string, { updatedAt: number; view: BoardView }>();

  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly store: BoardStore,
  ) {}

  /** The board's current data and index, or null when there is no such board. */
  async view(boardId: string): Promise<BoardView | null> {
    const doc = this.hocuspocus.documents.get(boardId);
    if (doc && !doc.isLoading) return this.liveView(doc);
    const summary = await this.store.get(boardId);
    if (!summary) return null;
    const cached = this.stored.get(boardId);
    if (cached && cached.updatedAt === summary.updatedAt) return cached.view;
    const stored = await this.store.load(boardId);
    if (!stored) return null;
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, stored.state);
    const board = readBoard(scratch);
    scratch.destroy();
    const view = { board, index: deriveSkillIndex(board) };
    this.stored.set(boardId, { updatedAt: summary.updatedAt, view });
    return view;
  }

  private liveView(doc: Y.Doc): BoardView {
    let entry = this.live.get(doc);
    if (!entry) {
      const created: LiveEntry = { reader: new BoardReader(doc), indexer: SkillIndexer.fromDoc(doc).observe(doc) };
      doc.on('destroy', () => {
        created.reader.destroy();
        created.indexer.destroy();
      });
      this.live.set(doc, created);
      entry = created;
    }
    return { board: entry.reader.read(), index: entry.indexer.index() };
  }
}
