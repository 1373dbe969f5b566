import { describe, expect, it } from 'vitest';
import { findCourts, isAppealTarget, isCitedAsSource, isOtherFirstInstanceCourt, isTrialVenue, namesCourtMoreFully } from '../../../src/extract/rules/courts.ts';

const table: Array<[string, string[]]> = [
  ['A trial in an Almaty district court resulted in', ['Almaty district court']],
  ['a court in the Aktobe region in western Kazakhstan sentenced', ['court in the Aktobe region']],
  ['was jailed for three years at Manchester Crown Court.', ['Manchester Crown Court']],
  ['in the Crown Court at Leeds', ['Crown Court at Leeds']],
  ['in the U.S. District Court for the Southern District of New York.', ['U.S. District Court for the Southern District of New York']],
  ['The Moscow City Court upheld', ['Moscow City Court']],
  ['A court in Taldykorgan, the administrative centre of the Zhetysu region, on Tuesday', ['court in Taldykorgan']],
  ['The Specialised Inter-district Criminal Court in Taraz on Wednesday sentenced', ['Specialised Inter-district Criminal Court in Taraz']],
  ['In early 2023, the military court of the Almaty garrison sentenced', ['military court of the Almaty garrison']],
  // a month after the court dates the hearing, it does not place the court
  ['was jailed for nine years at Birmingham Crown Court in January last year', ['Birmingham Crown Court']],
  ['the federal court in Brooklyn on Monday', ['federal court in Brooklyn']],
  ['The Second Court of Appeal of General Jurisdiction, sitting in St Petersburg, reduced', ['Second Court of Appeal of General Jurisdiction']],
  ['the U.S. Court of Appeals for the Ninth Circuit affirmed', ['U.S. Court of Appeals for the Ninth Circuit']],
  ['He told the court he was innocent.', []],
  ['Judge Smith’s court was full.', []],
];

describe('findCourts', () => {
  it.each(table)('%s', (text, expected) => {
    expect(findCourts(text).map((c) => c.name)).toEqual(expected);
  });

  it('spans are the court name exactly', () => {
    const s = 'sentenced by an Almaty district court on Monday';
    const [c] = findCourts(s);
    expect(s.slice(c!.start, c!.end)).toBe(c!.name);
  });
});

// [general naming, later naming, whether the later one names the same court more fully]
const fuller: Array<[string, string, boolean]> = [
  ['court in Osh', 'Osh city court', true],
  ['Almaty court', 'Medeu district court of Almaty', true],
  ['military court', 'military court of the Almaty garrison', true],
  ['court in Bishkek', 'Leninsky district court', true],
  ['St Petersburg court', 'St Petersburg City Court', true],
  ['federal court in Anchorage', 'U.S. District Court for the District of Alaska', true],
  ['Osh city court', 'court in Osh', false],
  ['Almaty court', 'Almaty court', false],
  ['Supreme Court of Bashkortostan', 'Baymak district court', false],
  ['court in Tomsk', 'Krasnoyarsk court', false],
  ['Almaty city court', 'Medeu district court of Almaty', false],
  ['Tashkent court', 'Tashkent appeals court', false],
];

describe('namesCourtMoreFully', () => {
  it.each(fuller)('%s -> %s: %s', (general, later, expected) => {
    expect(namesCourtMoreFully(general, later)).toBe(expected);
  });
});

describe('isOtherFirstInstanceCourt', () => {
  it('another city\'s court is another case; an appeals court or a fuller name is not', () => {
    expect(isOtherFirstInstanceCourt('Alatau district court', 'court in Shymkent')).toBe(true);
    expect(isOtherFirstInstanceCourt('Zhanaozen city court', 'appeals court in the Mangistau region')).toBe(false);
    expect(isOtherFirstInstanceCourt('court in Osh', 'Osh city court')).toBe(false);
    expect(isOtherFirstInstanceCourt('Kyrgyz court', 'Bishkek city court')).toBe(false);
    expect(isOtherFirstInstanceCourt('Supreme Court of Bashkortostan', 'Baymak district court')).toBe(true);
  });
});

describe('isAppealTarget', () => {
  const at = (s: string, court: string): boolean => isAppealTarget(s, s.indexOf(court));
  it('the court an appeal goes to', () => {
    expect(at('She said the defence would appeal to the Bishkek city court.', 'Bishkek')).toBe(true);
    expect(at('The verdict can be appealed to the Osh regional court within one month.', 'Osh')).toBe(true);
    expect(at('an appeal had been filed with the Tashkent city court', 'Tashkent')).toBe(true);
    expect(at('“We will go to the Supreme Court.”', 'Supreme')).toBe(true);
  });
  it('not the court that ruled (negative)', () => {
    expect(at('His appeal was rejected by the Osh regional court.', 'Osh')).toBe(false);
    expect(at('The Osh city court read out the verdict.', 'Osh')).toBe(false);
  });
});

describe('isCitedAsSource', () => {
  it('a court quoted for figures, not a court of the case', () => {
    const s = 'According to the Supreme Court, 48 officials have been convicted.';
    expect(isCitedAsSource(s, s.indexOf('Supreme'))).toBe(true);
    const t = 'The Supreme Court of Bashkortostan has sentenced 18 men.';
    expect(isCitedAsSource(t, t.indexOf('Supreme'))).toBe(false);
  });
});

describe('isTrialVenue', () => {
  const at = (s: string, court: string): boolean => isTrialVenue(s, s.indexOf(court));
  it('where a charged defendant is to be tried', () => {
    expect(at('They were remanded in custody and will next appear at Cardiff Crown Court on 27 October.', 'Cardiff Crown')).toBe(true);
    expect(at('He is due to stand trial at Leeds Crown Court in March.', 'Leeds')).toBe(true);
    expect(at('The case was sent for trial to Snaresbrook Crown Court.', 'Snaresbrook')).toBe(true);
  });
  it('not a first appearance or a court that ruled (negative)', () => {
    expect(at("They appeared at Cardiff Magistrates' Court on Wednesday.", 'Cardiff')).toBe(false);
    expect(at('He was jailed at Leeds Crown Court.', 'Leeds')).toBe(false);
  });
});
