import * as Y from 'yjs';
import { firstSchemaError, RECORD_MAPS, recordMap, type RecordMapName } from './docSchema.ts';
import { isId } from './ids.ts';
import type { Person } from './records/person.ts';
import type { Skill } from './records/skill.ts';
import type { SkillLink } from './records/skillLink.ts';
import type { Endorsement } from './records/endorsement.ts';
import { buildCoverage, buildHolder, pairKey, type SkillCoverage, type SkillHolder, type SkillIndex } from './skillIndex.ts';

const INDEXED_MAPS = ['people', 'skills', 'skillLinks', 'endorsements'] as const satisfies readonly RecordMapName[];
type IndexedMap = (typeof INDEXED_MAPS)[number];

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key);
  if (set && set.delete(value) && set.size === 0) map.delete(key);
}

/**
 * Keeps a board's skill index current as the document changes, touching only the
 * person–skill pairs a change can affect. It reads raw map values with the same checks
 * as readBoard, so its result always equals deriveSkillIndex(readBoard(doc)) (a
 * property test holds it to that).
 */
export class SkillIndexer {
  private readonly people = new Map<string, Person>();
  private readonly skills = new Map<string, Skill>();
  private readonly links = new Map<string, SkillLink>();
  private readonly endorsements = new Map<string, Endorsement>();
  private readonly linksByPair = new Map<string, Set<string>>();
  private readonly pairsByPerson = new Map<string, Set<string>>();
  private readonly pairsBySkill = new Map<string, Set<string>>();
  private readonly endorsementsByLink = new Map<string, Set<string>>();
  private readonly endorsementsByPerson = new Map<string, Set<string>>();
  private readonly holders = new Map<string, SkillHolder>();
  private readonly holdersBySkill = new Map<string, Map<string, SkillHolder>>();
  private readonly holdersByPerson = new Map<string, Map<string, SkillHolder>>();
  private readonly dirtyPairs = new Set<string>();
  private readonly dirtySkills = new Set<string>();
  private readonly dirtyPeople = new Set<string>();
  private readonly result: SkillIndex = { bySkill: new Map(), byPerson: new Map(), coverage: new Map() };
  private readonly stopObserving: Array<() => void> = [];

  /** An indexer filled from the document's current state. */
  static fromDoc(doc: Y.Doc): SkillIndexer {
    const indexer = new SkillIndexer();
    for (const name of INDEXED_MAPS) recordMap(doc, name).forEach((value, key) => indexer.apply(name, key, value));
    return indexer;
  }

  /** Follows the document from now on. */
  observe(doc: Y.Doc): this {
    for (const name of INDEXED_MAPS) {
      const map = recordMap(doc, name) as Y.Map<unknown>;
      const observer = (event: Y.YMapEvent<unknown>) => {
        for (const key of event.keysChanged) this.apply(name, key, map.get(key));
      };
      map.observe(observer);
      this.stopObserving.push(() => map.unobserve(observer));
    }
    return this;
  }

  destroy() {
    for (const stop of this.stopObserving.splice(0)) stop();
  }

  /** Records that `key` in `map` now holds `value` (undefined: deleted). Cheap: work is deferred to index(). */
  apply(map: IndexedMap, key: string, value: unknown) {
    const valid = value !== undefined && isId(key) && firstSchemaError(RECORD_MAPS[map], value) === null;
    switch (map) {
      case 'people':
        return this.applyPerson(key, valid ? { ...(value as Person), id: key } : undefined);
      case 'skills':
        return this.applySkill(key, valid ? { ...(value as Skill), id: key } : undefined);
      case 'skillLinks':
        return this.applyLink(key, valid ? { ...(value as SkillLink), id: key } : undefined);
      case 'endorsements':
        return this.applyEndorsement(key, valid ? { ...(value as Endorsement), id: key } : undefined);
    }
  }

  private applyPerson(id: string, person: Person | undefined) {
    if (person) this.people.set(id, person);
    else this.people.delete(id);
    for (const pair of this.pairsByPerson.get(id) ?? []) this.dirtyPairs.add(pair);
    // Backing only counts from people who are on the board.
    for (const endorsementId of this.endorsementsByPerson.get(id) ?? []) this.markLinkDirty(this.endorsements.get(endorsementId)!.linkId);
  }

  private applySkill(id: string, skill: Skill | undefined) {
    if (skill) this.skills.set(id, skill);
    else this.skills.delete(id);
    this.dirtySkills.add(id);
    for (const pair of this.pairsBySkill.get(id) ?? []) this.dirtyPairs.add(pair);
  }

  private applyLink(id: string, link: SkillLink | undefined) {
    const old = this.links.get(id);
    if (old) {
      const key = pairKey(old.personId, old.skillId);
      removeFrom(this.linksByPair, key, id);
      if (!this.linksByPair.has(key)) {
        removeFrom(this.pairsByPerson, old.personId, key);
        removeFrom(this.pairsBySkill, old.skillId, key);
      }
      this.dirtyPairs.add(key);
      this.links.delete(id);
    }
    if (link) {
      const key = pairKey(link.personId, link.skillId);
      this.links.set(id, link);
      addTo(this.linksByPair, key, id);
      addTo(this.pairsByPerson, link.personId, key);
      addTo(this.pairsBySkill, link.skillId, key);
      this.dirtyPairs.add(key);
    }
  }

  private applyEndorsement(id: string, endorsement: Endorsement | undefined) {
    const old = this.endorsements.get(id);
    if (old) {
      removeFrom(this.endorsementsByLink, old.linkId, id);
      removeFrom(this.endorsementsByPerson, old.personId, id);
      this.endorsements.delete(id);
      this.markLinkDirty(old.linkId);
    }
    if (endorsement) {
      this.endorsements.set(id, endorsement);
      addTo(this.endorsementsByLink, endorsement.linkId, id);
      addTo(this.endorsementsByPerson, endorsement.personId, id);
      this.markLinkDirty(endorsement.linkId);
    }
  }

  private markLinkDirty(linkId: string) {
    const link = this.links.get(linkId);
    if (link) this.dirtyPairs.add(pairKey(link.personId, link.skillId));
  }

  private backersOf = (linkId: string) => {
    const backers: string[] = [];
    for (const id of this.endorsementsByLink.get(linkId) ?? []) {
      const personId = this.endorsements.get(id)!.personId;
      if (this.people.has(personId)) backers.push(personId);
    }
    return backers.sort();
  };

  private recomputePair(key: string) {
    const old = this.holders.get(key);
    const linkIds = this.linksByPair.get(key);
    let holder: SkillHolder | null = null;
    if (linkIds) {
      const links = [...linkIds].map((id) => this.links.get(id)!);
      const { personId, skillId } = links[0];
      const person = this.people.get(personId);
      const skill = this.skills.get(skillId);
      if (person && skill) holder = buildHolder(person, skill, personId, skillId, links, this.backersOf);
    }
    if (old) {
      this.holdersBySkill.get(old.skillId)?.delete(old.personId);
      this.holdersByPerson.get(old.personId)?.delete(old.skillId);
      this.dirtySkills.add(old.skillId);
      this.dirtyPeople.add(old.personId);
      this.holders.delete(key);
    }
    if (holder) {
      this.holders.set(key, holder);
      let forSkill = this.holdersBySkill.get(holder.skillId);
      if (!forSkill) this.holdersBySkill.set(holder.skillId, (forSkill = new Map()));
      forSkill.set(holder.personId, holder);
      let forPerson = this.holdersByPerson.get(holder.personId);
      if (!forPerson) this.holdersByPerson.set(holder.personId, (forPerson = new Map()));
      forPerson.set(holder.skillId, holder);
      this.dirtySkills.add(holder.skillId);
      this.dirtyPeople.add(holder.personId);
    }
  }

  /** The current index. Recomputes only what changed since the last call. */
  index(): SkillIndex {
    for (const key of this.dirtyPairs) this.recomputePair(key);
    this.dirtyPairs.clear();
    const { bySkill, byPerson, coverage } = this.result;
    for (const [skillId, holders] of refreshHolders(this.dirtySkills, this.holdersBySkill, bySkill, 'personId')) {
      if (this.skills.has(skillId)) coverage.set(skillId, buildCoverage(skillId, holders));
      else coverage.delete(skillId);
    }
    this.dirtySkills.clear();
    refreshHolders(this.dirtyPeople, this.holdersByPerson, byPerson, 'skillId');
    this.dirtyPeople.clear();
    return this.result;
  }

  /** Coverage of one skill, current. */
  coverageOf(skillId: string): SkillCoverage | undefined {
    return this.index().coverage.get(skillId);
  }
}

/**
 * Rebuilds, for each dirty key, its holder list in `out` (sorted by `orderBy`, as
 * deriveSkillIndex sorts it), and forgets keys left with no holders. Returns every dirty
 * key with its new list, so callers can refresh what depends on it.
 */
function refreshHolders(
  dirty: Iterable<string>,
  holdersByKey: Map<string, Map<string, SkillHolder>>,
  out: Map<string, SkillHolder[]>,
  orderBy: 'personId' | 'skillId',
): [string, SkillHolder[]][] {
  const refreshed: [string, SkillHolder[]][] = [];
  for (const key of dirty) {
    const holders = [...(holdersByKey.get(key)?.values() ?? [])].sort((a, b) => (a[orderBy] < b[orderBy] ? -1 : 1));
    if (holders.length) out.set(key, holders);
    else {
      out.delete(key);
      holdersByKey.delete(key);
    }
    refreshed.push([key, holders]);
  }
  return refreshed;
}
