import { describe, expect, it } from 'vitest';
import {
  findCourts, hearingVenue, isAppealTarget, isCaseVenue, isCitedAsSource, isOtherFirstInstanceCourt, namedBefore, namesCourtMoreFully, refersToSameCourt,
} from '../../../src/extract/rules/courts.ts';

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
  // a court named by its kind alone is placed by what follows; not by a month, nor after a naming that places it
  ['The Military Court of Appeal in Vlasikha, outside Moscow, on Tuesday cut', ['Military Court of Appeal in Vlasikha']],
  ['the Court of Appeal at Belfast dismissed', ['Court of Appeal at Belfast']],
  ['the Court of Appeal in February reduced', ['Court of Appeal']],
  ['the U.S. Court of Appeals for the Ninth Circuit in San Francisco affirmed', ['U.S. Court of Appeals for the Ninth Circuit']],
  // the place after "in": a city or region "of" a name, a country's capital
  ['A court in the Siberian city of Tomsk on Monday sentenced', ['court in the Siberian city of Tomsk']],
  ['a military court in the city of Rostov-on-Don', ['military court in the city of Rostov-on-Don']],
  ['A court in the Kazakh capital has sentenced', ['court in the Kazakh capital']],
  ['a court in the Bashkortostan republic', ['court in the Bashkortostan republic']],
  // a court placed by its own name stops there (negative: "the capital" is not added)
  ['The Saryarka district court in the capital, Astana, on Tuesday', ['Saryarka district court']],
  ['was jailed at Paisley sheriff court on Monday', ['Paisley sheriff court']],
  // a US district after "in the"
  ['pleaded guilty in federal court in the Eastern District of Virginia to', ['federal court in the Eastern District of Virginia']],
  // a country named in its state form after "of the"
  ['the Supreme Court of the Republic of Karakalpakstan on Monday upheld', ['Supreme Court of the Republic of Karakalpakstan']],
  ['the Supreme Court of the Russian Federation upheld', ['Supreme Court of the Russian Federation']],
  // (negative: "of the" with anything else is not part of the name)
  ['the Supreme Court of the country upheld', ['Supreme Court']],
  // an ordinal, a board named after its court, a court known without the word "court"
  ['the 9th U.S. Circuit Court of Appeals affirmed', ['9th U.S. Circuit Court of Appeals']],
  ['the Almaty City Court’s appeals board on Monday upheld', ['Almaty City Court’s appeals board']],
  ['was jailed for life at the Old Bailey on Friday', ['Old Bailey']],
  // the court's press service is not a board of it (negative)
  ['the Almaty City Court’s press service said', []],
  ['He told the court he was innocent.', []],
  // an organisation named after a court, a US judge's title (negative)
  ['said Maria Lopez, president of the Supreme Court Bar Association.', []],
  ['U.S. District Court Judge Ann Marsh sentenced him to 60 months.', []],
  ['United States District Judge Ann Marsh of the Northern District of Texas sentenced him.', []],
  ['He was jailed at Snaresbrook Crown Court. Judge Ann Marsh said', ['Snaresbrook Crown Court']],
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
  ['federal court in the Eastern District of Virginia', 'U.S. District Court for the Eastern District of Virginia', true],
  ['federal court in the Eastern District of Virginia', 'U.S. District Court for the Western District of Texas', false],
  ['Osh city court', 'court in Osh', false],
  ['Almaty court', 'Almaty court', false],
  ['Supreme Court of Bashkortostan', 'Baymak district court', false],
  ['court in Tomsk', 'Krasnoyarsk court', false],
  ['Almaty city court', 'Medeu district court of Almaty', false],
  ['Tashkent court', 'Tashkent appeals court', false],
  // a country's adjective is no place: any court of the country may be the one meant
  ['Russian military court', 'Second Western District Military Court in Moscow', true],
  ['Kazakh court', 'Medeu district court of Almaty', true],
  ['Russian military court', 'Moscow City Court', false],
  ['court in the Kazakh capital', 'Specialised Inter-district Criminal Court of Astana', true],
  ['court in the Siberian city of Omsk', 'Kirovsky district court of Omsk', true],
  ['court in the Siberian city of Omsk', 'Leninsky district court of Tomsk', false],
  // "court of Aktobe region" is a court in the region, not the region's own court
  ['Aktobe regional court', 'Specialised Inter-district Criminal Court of Aktobe region', false],
  ['court in the Aktobe region', 'Specialised Inter-district Criminal Court of Aktobe region', true],
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

describe('namedBefore', () => {
  const courtsIn = (text: string): Array<{ name: string; start: number }> => findCourts(text);
  const resolve = (text: string, later: string): string | null => {
    const at = text.lastIndexOf(later);
    return namedBefore(text, at, later, courtsIn(text.slice(0, at)))?.name ?? null;
  };
  it('a definite vaguer naming refers back to the fuller one before it', () => {
    expect(resolve('The Osh City Court on Monday rejected his appeal. In a second ruling, the city court cut the term of his driver.', 'city court')).toBe('Osh City Court');
    expect(resolve('He was jailed by the Northern District Military Court in Khabarovsk. His friend got two years from the Khabarovsk court in May.', 'Khabarovsk court')).toBe('Northern District Military Court in Khabarovsk');
    // the nearest fuller naming of that kind, not a court of another kind named in between
    expect(resolve('The Naryn City Court upheld the verdict of the Ak-Tala district court of Naryn. The city court also cut the term of his brother.', 'city court')).toBe('Naryn City Court');
  });
  it('not an indefinite naming, nor another kind of court (negative)', () => {
    expect(resolve('The Osh City Court on Monday rejected his appeal. Last year, a city court jailed his brother.', 'city court')).toBeNull();
    expect(resolve('The Osh City Court on Monday rejected his appeal. The regional court will hear the next one.', 'regional court')).toBeNull();
    expect(resolve('He was jailed by the Yekaterinburg court in May.', 'Yekaterinburg court')).toBeNull();
  });
});

describe('refersToSameCourt', () => {
  it('"the same court" points to the court of the case; "the same day" does not (negative)', () => {
    expect(refersToSameCourt('He is awaiting trial in the same court.')).toBe(true);
    expect(refersToSameCourt('That same court jailed two bloggers last year.')).toBe(true);
    expect(refersToSameCourt('He was sentenced the same day.')).toBe(false);
    expect(refersToSameCourt('The court heard the same evidence.')).toBe(false);
  });
});

describe('hearingVenue', () => {
  const at = (s: string, court: string): ReturnType<typeof hearingVenue> => hearingVenue(s, s.indexOf(court));
  it('the court a charged defendant is to be tried at', () => {
    expect(at('They were remanded in custody and will next appear at Cardiff Crown Court on 27 October.', 'Cardiff Crown')).toBe('trial');
    expect(at('She will next appear at Preston Crown Court on 3 March.', 'Preston')).toBe('trial');
    expect(at('He is due to stand trial at Bristol Crown Court in June.', 'Bristol')).toBe('trial');
    expect(at('The case was sent for trial to Snaresbrook Crown Court.', 'Snaresbrook')).toBe('trial');
    expect(at('The case was sent for trial to the Moscow City Court.', 'Moscow')).toBe('trial');
  });
  it('a court a charged defendant appeared at', () => {
    expect(at("They appeared at Cardiff Magistrates' Court on Wednesday.", 'Cardiff')).toBe('appearance');
    expect(at("They appeared by video link at Westminster Magistrates' Court.", 'Westminster')).toBe('appearance');
  });
  it('not the court an appeal goes to, nor one that jailed someone (negative)', () => {
    expect(at('Her lawyer said she would appeal to the Bishkek city court.', 'Bishkek')).toBeNull();
    expect(at('He was jailed at Bristol Crown Court in June.', 'Bristol')).toBeNull();
    expect(at('He was jailed at Leeds Crown Court.', 'Leeds')).toBeNull();
  });
});

describe('isCaseVenue', () => {
  const at = (s: string, court: string): boolean => isCaseVenue(s, s.indexOf(court));
  it('the court of the whole case, named in a closing line', () => {
    expect(at('Assistant U.S. Attorney Jane Roe prosecuted the case in the U.S. District Court for the District of Maine.', 'U.S. District')).toBe(true);
    expect(at('AUSAs Ann Lee and Tom Hart tried the Garcia case in the U.S. District Court for the Western District of Texas.', 'U.S. District')).toBe(true);
  });
  it('passive, and with the court as subject', () => {
    expect(at('The case was heard by the Medeu district court of Almaty.', 'Medeu')).toBe(true);
    const s = 'The Osh City Court tried the case behind closed doors.';
    const [c] = findCourts(s);
    expect(isCaseVenue(s, c!.start, c!.end)).toBe(true);
  });
  it('not a case dropped before a court, nor a court that tried something else (negative)', () => {
    expect(at('The case was dropped before the Osh city court could hear it.', 'Osh')).toBe(false);
    const s = 'The Osh City Court tried to reach the defendant by phone.';
    const [c] = findCourts(s);
    expect(isCaseVenue(s, c!.start, c!.end)).toBe(false);
  });
  it('not one hearing\'s sentence, nor a case named without its court (negative)', () => {
    expect(at('The sentence was imposed by U.S. District Judge Ann Marsh in the U.S. District Court for the District of Alaska.', 'U.S. District Court')).toBe(false);
    expect(at('He prosecuted the case after the U.S. District Court for the District of Maine dismissed the first indictment.', 'U.S. District')).toBe(false);
  });
});
