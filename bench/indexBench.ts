/**
 * Skill-index figures (issue 5): derive the index for boards of 100 and 2,000 people,
 * full vs incremental for one change, and the cross-board search over 200 stored boards
 * through the real app. Prints one table; figures are medians of repeated runs in this
 * process, so compare rows with each other rather than with another machine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { addPerson, addSkill } from '../shared/boardWrites.ts';
import { write } from '../shared/recordWrites.ts';
import { readBoard, recordMap } from '../shared/docSchema.ts';
import { newId } from '../shared/ids.ts';
import { deriveSkillIndex } from '../shared/skillIndex.ts';
import { SkillIndexer } from '../shared/skillIndexer.ts';
import { setOwnLevel } from '../shared/skillLinks.ts';
import { SKILL_LEVELS } from '../shared/records/skillLink.ts';
import { buildApp } from '../server/app.ts';
import { defaultConfig } from '../server/config.ts';
import { DOC_SCHEMA_VERSION } from '../shared/docVersion.ts';
import { initBoard } from '../shared/boardWrites.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (fn: () => void) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

/** A board with `people` people, `skills` skills and `links` self-claims spread over them. */
function makeBoard(people: number, skills: number, links: number) {
  const doc = new Y.Doc();
  const personIds = Array.from({ length: people }, (_, i) =>
    addPerson(doc, i % 5 ? { name: `Collega ${i}`, kind: 'professional-team' } : { name: `Student ${i}`, kind: 'student', student: { year: 2, level: 'mbo4' } }),
  );
  const skillIds = Array.from({ length: skills }, (_, i) => addSkill(doc, { label: `vaardigheid ${i}`, category: 'zorgverlener', reservedAct: i % 10 === 0 }));
  write(doc, () => {
    const map = recordMap(doc, 'skillLinks');
    for (let i = 0; i < links; i++) {
      map.set(newId(), { personId: personIds[i % people], skillId: skillIds[(i * 7 + Math.floor(i / people)) % skills], source: 'self', level: SKILL_LEVELS[i % 4], createdAt: 1 });
    }
  });
  return { doc, personIds, skillIds };
}

const rows: string[][] = [['board', 'metric', 'median ms', 'runs', 'ratio']];

for (const [people, skills, links] of [
  [100, 40, 1_000],
  [2_000, 200, 20_000],
] as const) {
  const { doc, personIds, skillIds } = makeBoard(people, skills, links);
  const label = `${people.toLocaleString('en-US')} people × ${links.toLocaleString('en-US')} links`;
  readBoard(doc); // warm the compiled validators
  const reads = Array.from({ length: 5 }, () => time(() => readBoard(doc)));
  const board = readBoard(doc);
  const derives = Array.from({ length: 5 }, () => time(() => deriveSkillIndex(board)));
  const fulls = Array.from({ length: 5 }, () => time(() => deriveSkillIndex(readBoard(doc))));
  const indexer = SkillIndexer.fromDoc(doc).observe(doc);
  indexer.index();
  const increments: number[] = [];
  for (let k = 0; k < 30; k++) {
    const personId = personIds[(k * 37) % people];
    const skillId = skillIds[(k * 11) % skills];
    setOwnLevel(doc, { personId, skillId, level: 'ask-me', actorId: personId });
    increments.push(time(() => indexer.index()));
  }
  const full = median(fulls);
  rows.push(
    [label, 'readBoard (validate every record)', median(reads).toFixed(1), '5', ''],
    [label, 'deriveSkillIndex (from plain data)', median(derives).toFixed(1), '5', ''],
    [label, 'full: readBoard + deriveSkillIndex', full.toFixed(1), '5', '1×'],
    [label, 'one change: incremental index()', median(increments).toFixed(3), '30', `${(full / median(increments)).toFixed(0)}× faster than full`],
  );
  indexer.destroy();
}

// Cross-board search through the real app over 200 stored boards.
const dataDir = await mkdtemp(path.join(tmpdir(), 'iedereen-index-bench-'));
const adminToken = 'bench-admin-token-'.repeat(2);
const app = await buildApp({ ...defaultConfig(), dataDir, clientDir: null, logger: false, adminToken });
for (let b = 0; b < 200; b++) {
  const { doc, personIds, skillIds } = makeBoard(30, 40, 200);
  void personIds;
  initBoard(doc, { title: `Afdeling ${b}` });
  const summary = { id: newId(), title: `Afdeling ${b}`, createdAt: 1, updatedAt: 1 };
  if (b % 4 === 0) setOwnLevel(doc, { personId: personIds[0], skillId: skillIds[0], level: 'ask-me', actorId: personIds[0] });
  write(doc, () => recordMap(doc, 'skills').set(skillIds[1], { label: 'wondzorg', category: 'zorgverlener', reservedAct: false, synonyms: ['wondverzorging'], createdAt: 1 }));
  await app.boards.save({ summary, schemaVersion: DOC_SCHEMA_VERSION, state: Y.encodeStateAsUpdate(doc) });
  await app.access.createBoardAccess(summary.id);
}
const search = async () => {
  const start = performance.now();
  const response = await app.inject({ url: '/api/search?q=wondverz', headers: { authorization: `Bearer ${adminToken}` } });
  const ms = performance.now() - start;
  if (response.statusCode !== 200 || response.json().results.length === 0) throw new Error(`search failed: ${response.statusCode}`);
  return ms;
};
const cold = await search();
const warm: number[] = [];
for (let i = 0; i < 5; i++) warm.push(await search());
rows.push(
  ['200 boards × 30 people × 200 links', 'cross-board search, first (derives every board)', cold.toFixed(1), '1', '1×'],
  ['200 boards × 30 people × 200 links', 'cross-board search, warm (cached indexes)', median(warm).toFixed(1), '5', `${(cold / median(warm)).toFixed(0)}× faster`],
);
await app.close();
await rm(dataDir, { recursive: true, force: true });

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(rows[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows.slice(1)) console.log(line(r));
