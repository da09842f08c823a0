import type { Board } from '../../shared/docSchema.ts';
import { QUESTION_STATUSES } from '../../shared/records/learningQuestion.ts';
import { effectiveLevel, isActiveNomination } from '../../shared/records/skillLink.ts';
import { PERSON_CARD, QUESTION_CARD, REACTION_CARD, SKILL_CARD, layoutChipGroups, personCardHeight, skillCardHeight, wrapText, type MeasureText } from '../model/layout.ts';
import { FONT_FAMILY } from './palette.ts';
import type { CardContents, ChipGroup, ChipHeadingView, ChipView, PersonCardView, QuestionCardView, ReactionCardView, SkillCardView } from './viewTypes.ts';
import type { ViewLabels } from './viewLabels.ts';
import { CHIP_BADGE_PADDING, CHIP_SLACK, CHIP_TICK, boldFont, chipBadgeFont, chipExtraWidth, chipFont } from './viewText.ts';
import { sameItems, shallowEqual } from './viewEquality.ts';

type Link = Board['skillLinks'][number];

/** Question card parts, top to bottom. */
export function layoutQuestion(hasTheme: boolean, lineCount: number, hasTags: boolean, answerLines: number, hasHelper: boolean) {
  const { padding, lineHeight, tagsHeight, stepsHeight, answerLineHeight } = QUESTION_CARD;
  const themeY = 34;
  const textY = hasTheme ? themeY + 30 : themeY;
  const tagsY = textY + lineCount * lineHeight + 4;
  const stepsY = tagsY + (hasTags ? tagsHeight : 0) + 6;
  const answerY = stepsY + stepsHeight;
  const height = answerY + (answerLines + (hasHelper ? 1 : 0)) * answerLineHeight + (answerLines || hasHelper ? 6 : 0) + padding - 4;
  return { themeY, textY, tagsY, stepsY, answerY, height };
}

export function reactionCardHeight(lineCount: number, hasAuthor: boolean) {
  const { headerHeight, lineHeight, footerHeight, padding } = REACTION_CARD;
  return headerHeight + 6 + lineCount * lineHeight + (hasAuthor ? footerHeight : 0) + padding - 2;
}

/** The parts of a board the cards' contents depend on (everything but positions, pairs and meta). */
type ContentInputs = Pick<Board, 'people' | 'skills' | 'skillLinks' | 'endorsements' | 'questions' | 'reactions'>;

/** Each card's texts, chips and size, at the origin (placing them is viewPlacement's part). */
export function buildCardContents(board: ContentInputs, labels: ViewLabels, measure: MeasureText, editable: boolean, meId: string | null): CardContents {
  const skillsById = new Map(board.skills.map((s) => [s.id, s]));
  const shownLabel = new Map(board.skills.map((s) => [s.id, labels.skillLabel(s)]));
  const peopleById = new Map(board.people.map((p) => [p.id, p]));
  const displayName = (id: string) => {
    const p = peopleById.get(id);
    return p ? p.name || labels.personKind(p.kind) : '';
  };
  const backers = new Map<string, number>();
  for (const e of board.endorsements) backers.set(e.linkId, (backers.get(e.linkId) ?? 0) + 1);
  const linksByPerson = new Map<string, Link[]>();
  const peopleCount = new Map<string, Set<string>>();
  for (const link of board.skillLinks) {
    const declined = link.source === 'nomination' && !isActiveNomination(link);
    if (declined && link.personId !== meId) continue;
    let list = linksByPerson.get(link.personId);
    if (!list) linksByPerson.set(link.personId, (list = []));
    list.push(link);
    if (declined) continue;
    let holders = peopleCount.get(link.skillId);
    if (!holders) peopleCount.set(link.skillId, (holders = new Set()));
    holders.add(link.personId);
  }

  const innerWidth = PERSON_CARD.width - PERSON_CARD.padding * 2;
  const extra = chipExtraWidth(editable);
  const people = board.people.map((person) => {
    const links = linksByPerson.get(person.id) ?? [];
    const chipsOf = (group: ChipGroup) =>
      links
        .filter((link) => (link.source === 'self') === (group === 'self'))
        .flatMap((link) => {
          const skill = skillsById.get(link.skillId);
          if (!skill) return [];
          const label = shownLabel.get(skill.id) ?? skill.label;
          const nomination = link.source === 'nomination';
          const level = nomination ? undefined : effectiveLevel(link, skill);
          const count = nomination ? (backers.get(link.id) ?? 0) : 0;
          const text = nomination
            ? link.nominatedBy
              ? `${label} · ${labels.nominatedBy(displayName(link.nominatedBy))}`
              : label
            : level
              ? `${label} · ${labels.levelShort(level)}`
              : label;
          const response = nomination ? (link.response ?? 'pending') : undefined;
          const badge = count > 0 ? `+${count}` : undefined;
          const badgeWidth = badge ? Math.ceil(measure(badge, chipBadgeFont)) + CHIP_BADGE_PADDING : 0;
          const width = measure(text, chipFont) + CHIP_SLACK + extra + badgeWidth + (response === 'accepted' ? CHIP_TICK : 0);
          return [
            {
              chip: {
                linkId: link.id,
                skillId: skill.id,
                text,
                category: skill.category,
                reserved: skill.reservedAct,
                nomination,
                ...(response ? { response } : {}),
                ...(level ? { level } : {}),
                ...(badge ? { badge } : {}),
                badgeWidth,
                faint: nomination && !isActiveNomination(link),
              },
              width: Math.ceil(width),
              sort: nomination ? `${link.createdAt}`.padStart(16, '0') + link.id : label.toLocaleLowerCase(),
            },
          ];
        })
        .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
    const groups = [chipsOf('self'), chipsOf('nomination')];
    const flow = layoutChipGroups(
      groups.map((g) => g.map((c) => c.width)),
      innerWidth,
      PERSON_CARD.chipHeight,
      PERSON_CARD.chipGap,
    );
    const chips: ChipView[] = groups.flatMap((group, g) => group.map((c, i) => ({ ...c.chip, ...flow.groups[g].boxes[i] })));
    const headings: ChipHeadingView[] = (['self', 'nomination'] as const).flatMap((group, g) =>
      groups[g].length ? [{ text: labels.chipGroup(group), y: flow.groups[g].headingY }] : [],
    );
    const roleText = labels.personKind(person.kind);
    const base = person.student
      ? `${roleText} · ${labels.studentDetails(person.student.year, person.student.level)}`
      : person.name
        ? roleText
        : labels.unnamedRole();
    const subtitle = person.id === meId ? `${base} · ${labels.you()}` : base;
    const title = person.name || roleText;
    return {
      id: person.id,
      kind: person.kind,
      title,
      name: person.name,
      subtitle,
      ...(person.colour ? { colour: person.colour } : {}),
      x: 0,
      y: 0,
      width: PERSON_CARD.width,
      height: personCardHeight(flow.height),
      chips,
      headings,
    } satisfies PersonCardView;
  });

  const skills = board.skills.map((skill) => {
    const label = shownLabel.get(skill.id) ?? skill.label;
    return {
      id: skill.id,
      label,
      category: skill.category,
      meta: labels.skillMeta(skill.category, peopleCount.get(skill.id)?.size ?? 0),
      reserved: skill.reservedAct,
      x: 0,
      y: 0,
      width: SKILL_CARD.width,
      height: skillCardHeight(skill.reservedAct),
    } satisfies SkillCardView;
  });

  const qInner = QUESTION_CARD.width - QUESTION_CARD.padding * 2;
  const questions = board.questions.map((q) => {
    const placeholder = q.text.trim() === '';
    const lines = wrapText(placeholder ? labels.emptyQuestion() : q.text, qInner, boldFont(QUESTION_CARD.textSize), measure, QUESTION_CARD.maxLines);
    const tags = q.skillIds.map((id) => shownLabel.get(id)).filter(Boolean).join(', ');
    const step = QUESTION_STATUSES.indexOf(q.status);
    const answered = q.status === 'answered';
    const answer =
      answered && q.answer
        ? wrapText(labels.answer(q.answer), qInner, `${QUESTION_CARD.answerSize}px ${FONT_FAMILY}`, measure, QUESTION_CARD.answerLines)
        : [];
    const helper = answered && q.helperId && peopleById.has(q.helperId) ? labels.helpedBy(displayName(q.helperId)) : undefined;
    const themeText = q.theme ? labels.theme(q.theme.kind, q.theme.label) : '';
    const theme = q.theme
      ? { kind: q.theme.kind, text: themeText, width: Math.min(qInner, Math.ceil(measure(themeText, boldFont(QUESTION_CARD.tagsSize))) + 22) }
      : undefined;
    const at = layoutQuestion(!!theme, lines.length, !!tags, answer.length, !!helper);
    return {
      id: q.id,
      studentId: q.studentId,
      kicker: labels.questionKicker(displayName(q.studentId)),
      label: q.text,
      ...(theme ? { theme } : {}),
      lines,
      placeholder,
      tags,
      status: q.status,
      step,
      stepLabel: labels.questionStep(q.status, step + 1, QUESTION_STATUSES.length),
      answer,
      ...(helper ? { helper } : {}),
      themeY: at.themeY,
      textY: at.textY,
      tagsY: at.tagsY,
      stepsY: at.stepsY,
      answerY: at.answerY,
      x: 0,
      y: 0,
      width: QUESTION_CARD.width,
      height: at.height,
    } satisfies QuestionCardView;
  });

  const rInner = REACTION_CARD.width - REACTION_CARD.padding * 2 - 4;
  const reactions = board.reactions.map((r) => {
    const placeholder = r.text.trim() === '';
    const lines = wrapText(placeholder ? labels.emptyReaction() : r.text, rInner, `${REACTION_CARD.textSize}px ${FONT_FAMILY}`, measure, REACTION_CARD.maxLines);
    const author = r.authorId && peopleById.has(r.authorId) ? labels.reactionAuthor(displayName(r.authorId)) : undefined;
    return {
      id: r.id,
      kind: r.kind,
      title: labels.reactionKind(r.kind),
      label: r.text,
      lines,
      placeholder,
      ...(author ? { author } : {}),
      x: 0,
      y: 0,
      width: REACTION_CARD.width,
      height: reactionCardHeight(lines.length, !!author),
    } satisfies ReactionCardView;
  });

  return { people, skills, questions, reactions };
}

/** Hands back the previous card contents wherever nothing changed. */
export function reuseUnchangedContents(prev: CardContents, next: CardContents): CardContents {
  const reuse = <T extends { id: string }>(before: T[], after: T[]) => {
    const old = new Map(before.map((card) => [card.id, card]));
    const out = after.map((card) => {
      const previous = old.get(card.id);
      return previous && shallowEqual(previous, card) ? previous : card;
    });
    return sameItems(before, out) ? before : out;
  };
  return {
    people: reuse(prev.people, next.people),
    skills: reuse(prev.skills, next.skills),
    questions: reuse(prev.questions, next.questions),
    reactions: reuse(prev.reactions, next.reactions),
  };
}
