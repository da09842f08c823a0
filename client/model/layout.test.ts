import { describe, expect, it } from 'vitest';
import { CHIP_GROUP_GAP, CHIP_GROUP_HEADING, autoPlace, boundsOf, boxBetween, edgePoint, idsInBox, layoutChipGroups, layoutChips, personCardHeight, placeNewCard, wrapText, PERSON_CARD } from './layout.ts';

describe('layoutChips', () => {
  it('does put chips side by side while they fit', () => {
    const { boxes, height } = layoutChips([40, 40], 20, 200, 30, 6);
    expect(boxes).toEqual([
      { x: 0, y: 0, width: 60 },
      { x: 66, y: 0, width: 60 },
    ]);
    expect(height).toBe(30);
  });

  it('When a chip does not fit, does wrap it onto the next line', () => {
    const { boxes, height } = layoutChips([100, 100], 20, 200, 30, 6);
    expect(boxes[1]).toEqual({ x: 0, y: 36, width: 120 });
    expect(height).toBe(66);
  });

  it('does cut a chip wider than the card to the card width', () => {
    expect(layoutChips([900], 20, 200, 30, 6).boxes[0].width).toBe(200);
  });

  it('has no height without chips, but the card keeps room for the drop hint', () => {
    expect(layoutChips([], 20, 200, 30, 6).height).toBe(0);
    expect(personCardHeight(0)).toBe(personCardHeight(PERSON_CARD.chipHeight));
  });
});

describe('placeNewCard', () => {
  const size = { width: 100, height: 50 };

  it('does centre the card on the point when that spot is free', () => {
    expect(placeNewCard({ x: 100, y: 100 }, size, [])).toEqual({ x: 50, y: 75 });
  });

  it('When cards are in the way, does pick the nearest spot that covers none of them', () => {
    const taken = [{ x: 50, y: 75, width: 100, height: 50 }];
    const spot = placeNewCard({ x: 100, y: 100 }, size, taken, 10);
    for (const r of taken) {
      const apart = spot.x >= r.x + r.width + 10 || spot.x + size.width + 10 <= r.x || spot.y >= r.y + r.height + 10 || spot.y + size.height + 10 <= r.y;
      expect(apart).toBe(true);
    }
    expect(Math.hypot(spot.x - 50, spot.y - 75)).toBeLessThan(150);
  });

  it('does not stack ten cards added in a row', () => {
    const placed: Array<{ x: number; y: number; width: number; height: number }> = [];
    for (let i = 0; i < 10; i++) placed.push({ ...placeNewCard({ x: 0, y: 0 }, size, placed), ...size });
    for (const a of placed) for (const b of placed) if (a !== b) expect(a.x === b.x && a.y === b.y).toBe(false);
    const overlapping = placed.some((a) => placed.some((b) => a !== b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));
    expect(overlapping).toBe(false);
  });
});

describe('autoPlace', () => {
  it('does place cards in a grid below the placed cards, in the given order', () => {
    const spots = autoPlace(
      [
        { id: 'a', width: 10, height: 50 },
        { id: 'b', width: 10, height: 80 },
        { id: 'c', width: 10, height: 20 },
      ],
      { x: 10, y: 0, width: 100, height: 100 },
      2,
      10,
    );
    expect(spots.get('a')).toEqual({ x: 10, y: 120 });
    expect(spots.get('b')).toEqual({ x: 10 + PERSON_CARD.width + 10, y: 120 });
    expect(spots.get('c')).toEqual({ x: 10, y: 210 });
  });
});

describe('boundsOf', () => {
  it('is null for nothing', () => expect(boundsOf([])).toBeNull());
  it('does enclose all rects', () =>
    expect(
      boundsOf([
        { x: 0, y: 10, width: 5, height: 5 },
        { x: -5, y: 0, width: 2, height: 2 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 10, height: 15 }));
});

describe('layoutChipGroups', () => {
  it('does stack groups under their headings and skip empty ones', () => {
    const { groups, height } = layoutChipGroups([[50, 50], [], [60]], 200, 30, 6);
    expect(groups[0]).toEqual({ headingY: 0, boxes: [
      { x: 0, y: CHIP_GROUP_HEADING, width: 50 },
      { x: 56, y: CHIP_GROUP_HEADING, width: 50 },
    ] });
    expect(groups[1].boxes).toEqual([]);
    const second = CHIP_GROUP_HEADING + 30 + CHIP_GROUP_GAP;
    expect(groups[2]).toEqual({ headingY: second, boxes: [{ x: 0, y: second + CHIP_GROUP_HEADING, width: 60 }] });
    expect(height).toBe(second + CHIP_GROUP_HEADING + 30);
  });

  it('does take no room without chips', () => {
    expect(layoutChipGroups([[], []], 200, 30, 6).height).toBe(0);
  });
});

describe('wrapText', () => {
  const measure = (text: string) => text.length * 10;
  it('does wrap at word boundaries and keep line breaks', () => {
    expect(wrapText('aaa bbb ccc\nddd', 75, '', measure, 5)).toEqual(['aaa bbb', 'ccc', 'ddd']);
  });
  it('does cut a word longer than the line', () => {
    expect(wrapText('decubituspreventie', 60, '', measure, 5)).toEqual(['decubi', 'tuspre', 'ventie']);
  });
  it('does end in an ellipsis beyond the last line', () => {
    expect(wrapText('aa bb cc dd', 25, '', measure, 2)).toEqual(['aa', 'b…']);
  });
});

describe('edgePoint and idsInBox', () => {
  it('does find where a line from the centre leaves the rect', () => {
    const rect = { x: 0, y: 0, width: 100, height: 50 };
    expect(edgePoint(rect, { x: 300, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(edgePoint(rect, { x: 50, y: -100 })).toEqual({ x: 50, y: 0 });
    expect(edgePoint(rect, { x: 50, y: 25 })).toEqual({ x: 50, y: 25 });
  });

  it('does select every card the box touches', () => {
    const rects = new Map([
      ['a', { x: 0, y: 0, width: 10, height: 10 }],
      ['b', { x: 50, y: 50, width: 10, height: 10 }],
      ['c', { x: 200, y: 0, width: 10, height: 10 }],
    ]);
    expect(idsInBox(rects, boxBetween({ x: 55, y: 55 }, { x: 5, y: 5 }))).toEqual(['a', 'b']);
  });
});
