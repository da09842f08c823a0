import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { readBoard, type Board } from '../../shared/docSchema.ts';
import { deriveSkillIndex, type SkillIndex } from '../../shared/skillIndex.ts';
import { SkillIndexer } from '../../shared/skillIndexer.ts';
import type { BoardStore } from '../store/boardStore.ts';

/** A board as plain data plus its skill index: what every index route answers from. */
export interface BoardView {
  board: Board;
  index: SkillIndex;
}

interface LiveEntry {
  indexer: SkillIndexer;
  board: Board | null;
}

/**
 * Skill indexes for every board, open or not. An open board (in Hocuspocus) keeps an
 * incremental SkillIndexer that follows its edits, so nothing is recomputed per keystroke;
 * its plain data is re-read only when a request comes after a change. A board nobody has
 * open is derived once from its stored state and cached until it is stored again.
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
      const created: LiveEntry = { indexer: SkillIndexer.fromDoc(doc).observe(doc), board: null };
      doc.on('update', () => (created.board = null));
      doc.on('destroy', () => created.indexer.destroy());
      this.live.set(doc, created);
      entry = created;
    }
    entry.board ??= readBoard(doc);
    return { board: entry.board, index: entry.indexer.index() };
  }
}
