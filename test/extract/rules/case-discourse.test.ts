/** The case being told across sentences: which court and which date a defendant's outcome gets. */
import { describe, expect, it } from 'vitest';
import { extractVerdicts } from '../../../src/extract/index.ts';

const courtAndDate = (text: string, published: string | null): Record<string, [string | null, string | null]> =>
  Object.fromEntries(extractVerdicts(text, { published }).records.map((r) => [r.name ?? `group(${r.count})`, [r.court, r.verdictDate]]));

// [text, published, expected court and verdictDate per record]
const table: Array<[string, string, string | null, Record<string, [string | null, string | null]>]> = [
  [
    'a later sentence names the court more fully',
    'A court in Osh on Monday sentenced Bakyt Usenov to 12 years in prison. The Osh city court read out the verdict in the absence of the public.',
    '2021-06-16',
    { 'Bakyt Usenov': ['Osh city court', '2021-06-14'] },
  ],
  [
    'a district court of the city is a fuller naming of "a court in CITY"',
    'A court in Bishkek on Wednesday sentenced Aibek Osmonov to five years in prison. The Leninsky district court found another journalist, Aizat Sydykova, guilty on the same charge.',
    '2024-10-11',
    { 'Aibek Osmonov': ['Leninsky district court', '2024-10-09'], 'Aizat Sydykova': ['Leninsky district court', '2024-10-09'] },
  ],
  [
    'the court an appeal goes to is not a fuller name (negative)',
    'A court in Osh on Monday sentenced Bakyt Usenov to 12 years in prison. The verdict can be appealed to the Osh regional court within one month.',
    '2021-06-16',
    { 'Bakyt Usenov': ['court in Osh', '2021-06-14'] },
  ],
  [
    'a court in a separate hearing is another case (negative)',
    'A Moscow court on Thursday sentenced Ivan Sokolov to seven years in prison. In a separate hearing, the Basmanny district court sentenced Anna Belova to eight years in prison.',
    '2023-08-04',
    { 'Ivan Sokolov': ['Moscow court', '2023-08-03'], 'Anna Belova': ['Basmanny district court', null] },
  ],
  [
    '"according to the verdict" dates the offence, not the outcome (negative)',
    'An Almaty court on October 10 found three police officers guilty of abuse. Daulet Seitov, 33, was sentenced to five years in prison. According to the verdict, he beat the detainee on January 7, 2022. His colleague, Madi Nurlanov, 39, was given a three-year suspended sentence.',
    '2023-10-13',
    { 'Daulet Seitov': ['Almaty court', '2023-10-10'], 'Madi Nurlanov': ['Almaty court', '2023-10-10'] },
  ],
  [
    'a dated ruling with no defendant named dates the case; the day a statement was made does not',
    'A specialised military court in Astana has sentenced Yerlan Tokayev to 18 years in prison, the court\'s press service said on Friday. The verdict was delivered on Monday behind closed doors. Arman Zhumabekov was sentenced to 16 years on the same charges.',
    '2023-04-28',
    { 'Yerlan Tokayev': ['specialised military court in Astana', '2023-04-24'], 'Arman Zhumabekov': ['specialised military court in Astana', '2023-04-24'] },
  ],
  [
    'only an announcement date: null (negative)',
    'A Samarkand regional court has fined Jahongir Rakhimov 150 million soums for accepting a bribe, the Prosecutor General\'s Office said on Wednesday.',
    '2024-09-25',
    { 'Jahongir Rakhimov': ['Samarkand regional court', null] },
  ],
  [
    'a co-defendant sentenced "at the same hearing" takes that hearing\'s date, even when it is told later',
    'Tyrell Boateng, 22, was convicted of murder following a trial at the Central Criminal Court. His friend Connor Fitzgibbon, 23, was jailed for nine years at the same hearing. Passing sentence on Friday, the judge told Boateng that he had taken a life.',
    '2024-10-04',
    { 'Tyrell Boateng': ['Central Criminal Court', '2024-10-04'], 'Connor Fitzgibbon': ['Central Criminal Court', '2024-10-04'] },
  ],
  [
    'a sentencing date stands over the conviction date, in either order',
    'Desmond Okafor, 63, and his son Marcus Okafor, 34, were found guilty in October of fraud. They were sentenced on Friday. A bookkeeper, Sunita Ramdin, 47, was given 18 months imprisonment, suspended for two years, at the same hearing.',
    '2023-12-15',
    { 'Desmond Okafor': [null, '2023-12-15'], 'Marcus Okafor': [null, '2023-12-15'], 'Sunita Ramdin': [null, '2023-12-15'] },
  ],
  [
    'a prior term said again does not re-date the verdict (negative)',
    'On Thursday, Juan Carlos Ortega-Ruiz, 41, was sentenced to 30 months in prison for illegal reentry. Ortega-Ruiz had a prior conviction in 2015 for which he received 18 months.',
    '2023-05-18',
    { 'Juan Carlos Ortega-Ruiz': [null, '2023-05-18'] },
  ],
  [
    'a date in a relative clause is not the verdict date (negative)',
    'His co-defendant Denis Avdeenko, 38, who left Russia in 2021, was sentenced in absentia to eight years in prison.',
    '2022-10-27',
    { 'Denis Avdeenko': [null, null] },
  ],
  [
    'an appeal ruling does not take the first-instance court of the case (negative)',
    'A financial adviser was jailed at Birmingham Crown Court in January last year. On Tuesday the appeal judges dismissed an appeal against sentence by his co-defendant, Imran Qadir, 49, who was jailed for 11 years for the same offences.',
    '2025-02-21',
    { 'Imran Qadir': [null, '2025-02-18'] },
  ],
  [
    'a sentencing told before the name dates the sentence, not the plea; a partner awaiting sentence keeps his plea date',
    'HOUSTON – A tax return preparer was sentenced Wednesday to 12 months in prison for preparing false returns.\n\nOluwaseun Adeyemi, 44, of Katy, owned a storefront tax business. From 2016 through 2020, she prepared false returns. She charged her clients fees of up to $1,200 per return. The false returns caused a tax loss of $1.6 million.\n\nAdeyemi pleaded guilty in November to aiding and assisting in the preparation of false returns. She was ordered to serve 12 months in prison. Her business partner, Desmond Okeke, 51, pleaded guilty in January to failing to file a tax return and will be sentenced in May.',
    '2022-04-14',
    { 'Oluwaseun Adeyemi': [null, '2022-04-13'], 'Desmond Okeke': [null, '2022-01'] },
  ],
  [
    'a verdict of another first-instance court is another case: it does not take this case\'s date (negative); a dateline and a statement\'s day do not date the verdict',
    "UFA, Jan 17 — The Supreme Court of Bashkortostan has sentenced 18 men to between four and seven years in prison for their part in clashes, the court's press service said on Thursday. The verdict was read out on Wednesday in a guarded courtroom. The protest erupted on the day the Baymak district court sentenced Rustem Galiullin, an activist, to four years in a general-regime colony.",
    '2025-01-17',
    { 'group(18)': ['Supreme Court of Bashkortostan', '2025-01-15'], 'Rustem Galiullin': ['Baymak district court', null] },
  ],
  [
    'defendants only charged: the court the indictment was unsealed in',
    'An indictment was unsealed today in federal court in Brooklyn charging two individuals with smuggling. The defendants, Nargiz Tashkentova, 37, of Staten Island, and Timur Aliyevich, 52, of Istanbul, are charged with conspiracy to violate the Export Control Reform Act.',
    '2025-02-07',
    { 'Nargiz Tashkentova': ['federal court in Brooklyn', null], 'Timur Aliyevich': ['federal court in Brooklyn', null] },
  ],
  [
    'a court that only ordered pre-trial detention is not where the case is tried (negative)',
    'Bolat Amirov, 47, was detained on Monday and charged under Article 174 of the Criminal Code. A Karaganda city court on Wednesday placed Amirov in pre-trial detention for two months.',
    '2024-03-08',
    { 'Bolat Amirov': [null, null] },
  ],
  [
    'an earlier sentencing told with its own term does not re-date the current verdict (negative)',
    'Reginald Ashby, now 78, of Harrogate, was found guilty by a jury at York Crown Court of indecent assault and was jailed for 11 years. He was sentenced on Wednesday by Judge Gillian Marsh. He was charged again in 2014 after an inquiry, and was sentenced on 29th February 2016 to eight years for offences against four boys.',
    '2025-05-30',
    { 'Reginald Ashby': ['York Crown Court', '2025-05-28'] },
  ],
  [
    'a court cited for figures does not become the case\'s court (negative)',
    'The Almaty city court on Tuesday sentenced Kairat Nurlybekov to nine years in prison. According to the Supreme Court, 48 officials have been convicted so far. His former deputy, Serik Abenov, 51, was given a three-year suspended sentence.',
    '2024-04-26',
    { 'Kairat Nurlybekov': ['Almaty city court', '2024-04-23'], 'Serik Abenov': ['Almaty city court', '2024-04-23'] },
  ],
  [
    'a fuller court name counts only where that court tries or rules (negative)',
    'A court in Almaty on Monday sentenced Aigerim Sultanova to five years in prison. The Medeu district court had earlier rejected her request for bail.',
    '2024-05-10',
    { 'Aigerim Sultanova': ['court in Almaty', '2024-05-06'] },
  ],
  [
    '"The trial at COURT" names the case\'s court',
    'A court in Almaty has sentenced Ilyas Tokenov, 35, to life imprisonment for the killing of a conscript. The trial at the Specialised Inter-district Criminal Court in Almaty was held mostly behind closed doors.',
    '2023-02-10',
    { 'Ilyas Tokenov': ['Specialised Inter-district Criminal Court in Almaty', null] },
  ],
  [
    'a court named for the last hearing is not an earlier, differently dated outcome\'s (negative)',
    'In 2019, Oleg Ivanov was jailed for five years for fraud. He was released in 2022. He now runs a bakery. On Thursday, Petr Smirnov was sentenced to 10 years in prison for fraud. U.S. District Judge Ann Marsh imposed the sentence in the U.S. District Court for the District of Alaska.',
    '2024-05-10',
    { 'Oleg Ivanov': [null, '2019'], 'Petr Smirnov': ['U.S. District Court for the District of Alaska', '2024-05-09'] },
  ],
  [
    '"The sentences were imposed in COURT" names the court of every hearing of the release',
    'On Monday, Dontae Whitfield, 33, of Petersburg, was sentenced to 108 months in prison for possession of a firearm by a convicted felon. On Wednesday, Brayden Tolland, 24, of Chesterfield, was sentenced to 70 months for making a false statement during the purchase of a firearm. The sentences were imposed by U.S. District Judge Henry Hudson in the U.S. District Court for the Eastern District of Virginia.',
    '2023-05-18',
    {
      'Dontae Whitfield': ['U.S. District Court for the Eastern District of Virginia', '2023-05-15'],
      'Brayden Tolland': ['U.S. District Court for the Eastern District of Virginia', '2023-05-17'],
    },
  ],
  [
    '"prosecuted the case in COURT" (a press release\'s closing line) names the court of the case',
    'On Oct. 17, 2023, a judge sentenced Javier Salcedo, 46, to life in prison. The other eight defendants in the case, aged 23 to 51, were sentenced earlier this year to prison terms ranging from 46 to 188 months. Assistant United States Attorneys Ray Cast and Dana White prosecuted the case in the United States District Court for the Western District of Tennessee.',
    '2023-10-20',
    { 'Javier Salcedo': ['United States District Court for the Western District of Tennessee', '2023-10-17'], 'group(8)': ['United States District Court for the Western District of Tennessee', '2023'] },
  ],
  [
    'a prosecutor\'s past cases in a court are not this case\'s court (negative)',
    'On Oct. 17, 2023, a judge sentenced Javier Salcedo, 46, to life in prison. Ray Cast has prosecuted cases in the United States District Court for the Western District of Tennessee since 2001.',
    '2023-10-20',
    { 'Javier Salcedo': [null, '2023-10-17'] },
  ],
  [
    'others "tried separately" do not end the case being told (negative)',
    'A court in Almaty on Monday sentenced Aigerim Sultanova to five years in prison. Two other suspects will be tried separately. Her co-defendant Berik Omarov, 30, received four years.',
    '2024-05-10',
    { 'Aigerim Sultanova': ['court in Almaty', '2024-05-06'], 'Berik Omarov': ['court in Almaty', '2024-05-06'] },
  ],
  [
    'a date in the offence story after the verdict ("citing the fact that he had ... on January 8") is not the verdict\'s (negative)',
    'The court found Ruslan Kamalov, 34, guilty of participation in mass riots and gave him five years, citing the fact that he had returned a rifle to police on January 8.',
    '2022-12-09',
    { 'Ruslan Kamalov': [null, null] },
  ],
  [
    '"prosecuted the case in COURT" names the court of every defendant of the case, also one awaiting sentence',
    'On Monday, Darnell Pike, 38, of Lewiston, was sentenced to 60 months in prison for wire fraud. His co-defendant, Lena Varga, 41, pleaded guilty in March to money laundering and will be sentenced in July. Assistant U.S. Attorney Ruth Cole prosecuted the case in the U.S. District Court for the District of Maine.',
    '2024-05-10',
    { 'Darnell Pike': ['U.S. District Court for the District of Maine', '2024-05-06'], 'Lena Varga': ['U.S. District Court for the District of Maine', '2024-03'] },
  ],
  [
    '"Another defendant" and "by the jury" stay with the case told, though dated otherwise',
    'Carl Hobbs, 44, was jailed for six years at Leeds Crown Court on Friday for arson. Another defendant, Dean Platt, 29, was cleared of arson in March. A 16-year-old boy was acquitted of the same offence by the jury in March.',
    '2024-06-15',
    { 'Carl Hobbs': ['Leeds Crown Court', '2024-06-14'], 'Dean Platt': ['Leeds Crown Court', '2024-03'], 'group(1)': ['Leeds Crown Court', '2024-03'] },
  ],
  [
    '"In a separate case, another defendant ..." is another case (negative)',
    'Carl Hobbs, 44, was jailed for six years at Leeds Crown Court on Friday for arson. In a separate case, another defendant, Dean Platt, 29, was jailed in March for burglary.',
    '2024-06-15',
    { 'Carl Hobbs': ['Leeds Crown Court', '2024-06-14'], 'Dean Platt': [null, '2024-03'] },
  ],
  [
    '"The same court has ..." carries the court to the next sentence\'s outcome',
    'The Meshchansky district court of Moscow on Tuesday sentenced Oleg Rudin to five years in prison for "justifying terrorism." The same court has jailed several bloggers in recent years. In May 2022, it sentenced Pavel Zorin to four years for "spreading false information."',
    '2024-07-12',
    { 'Oleg Rudin': ['Meshchansky district court of Moscow', '2024-07-09'], 'Pavel Zorin': ['Meshchansky district court of Moscow', '2022-05'] },
  ],
  [
    'without "the same court", a differently dated outcome has no court of its own (negative)',
    'The Meshchansky district court of Moscow on Tuesday sentenced Oleg Rudin to five years in prison for "justifying terrorism." Several bloggers have been jailed in recent years. In May 2022, Pavel Zorin was sentenced to four years for "spreading false information."',
    '2024-07-12',
    { 'Oleg Rudin': ['Meshchansky district court of Moscow', '2024-07-09'], 'Pavel Zorin': [null, '2022-05'] },
  ],
  [
    'a charged defendant "awaiting trial in the same court" takes the case\'s court; one "awaiting trial" alone does not',
    'The Specialised Inter-district Criminal Court of Astana on Monday sentenced Ruslan Abenov to eight years in prison for abuse of power. A former deputy, Marat Iskakov, faces charges of negligence and is awaiting trial in the same court. Another official, Serik Dosov, has been charged with bribery and is awaiting trial.',
    '2023-11-29',
    { 'Ruslan Abenov': ['Specialised Inter-district Criminal Court of Astana', '2023-11-27'], 'Marat Iskakov': ['Specialised Inter-district Criminal Court of Astana', null], 'Serik Dosov': [null, null] },
  ],
  [
    '"He will next appear at COURT": the court of the charged defendant just named; another person\'s appearance is not his (negative)',
    'Jordan Firth, 26, of Wigan, has been charged with violent disorder. He will next appear at Preston Crown Court on 3 March. Kyle Barr, 31, has been charged with affray. His brother will appear at Bolton Magistrates\' Court on Monday.',
    '2024-02-16',
    { 'Jordan Firth': ['Preston Crown Court', null], 'Kyle Barr': [null, null] },
  ],
  [
    '"The case has been sent to COURT": the court of the charged defendants just told of; a convicted one keeps his own court (negative)',
    'The Almaty city court on Monday sentenced Ruslan Abenov, 45, to eight years in prison for abuse of power. Marat Iskakov, 34, and Serik Dosov, 29, have been charged with bribery and deny it. The case has been sent to the Specialised Inter-district Criminal Court of Astana.',
    '2023-11-29',
    { 'Ruslan Abenov': ['Almaty city court', '2023-11-27'], 'Marat Iskakov': ['Specialised Inter-district Criminal Court of Astana', null], 'Serik Dosov': ['Specialised Inter-district Criminal Court of Astana', null] },
  ],
  [
    '"The case has been sent to COURT" long after the charged defendant was last told of is not his court (negative)',
    'Marat Iskakov, 34, has been charged with bribery. His lawyer called the charges absurd. Protests were held in the city in January. Police detained dozens of people. The case has been sent to the Specialised Inter-district Criminal Court of Astana.',
    '2023-11-29',
    { 'Marat Iskakov': [null, null] },
  ],
  [
    'the court an indictment was unsealed in on a weekday is the charged defendants\' court',
    'An indictment unsealed Thursday in the U.S. District Court for the District of Maine charges two men with smuggling. The defendants, Victor Lund, 35, of Bangor, and Omar Haddad, 41, of Portland, are charged with conspiracy to smuggle firearms.',
    '2025-01-24',
    { 'Victor Lund': ['U.S. District Court for the District of Maine', null], 'Omar Haddad': ['U.S. District Court for the District of Maine', null] },
  ],
  [
    '"the city court" refers back to the fuller naming before it',
    'The Osh City Court on Monday rejected the appeal of Kanat Sydykov against his five-year sentence. In a separate ruling the same day, the city court cut the sentence of Bolot Asanov, 30, from six years to four years.',
    '2024-12-13',
    { 'Kanat Sydykov': ['Osh City Court', '2024-12-09'], 'Bolot Asanov': ['Osh City Court', '2024-12-09'] },
  ],
  [
    'a national adjective does not stop a fuller naming of the same court',
    'A Russian military court on Monday sentenced Ilya Gromov to six years in prison for "justifying terrorism." The Southern District Military Court in Rostov-on-Don delivered the verdict after a closed trial.',
    '2024-07-12',
    { 'Ilya Gromov': ['Southern District Military Court in Rostov-on-Don', '2024-07-08'] },
  ],
  [
    'a US judge\'s title names no court, with or without the district (negative)',
    'U.S. District Judge Harold Benning of the Northern District of Texas on Tuesday sentenced Carl Dwyer, 51, to 48 months in federal prison for wire fraud. U.S. District Court Judge Ann Marsh sentenced his partner, Lisa Grant, 47, to 30 months on Monday.',
    '2024-02-09',
    { 'Carl Dwyer': [null, '2024-02-06'], 'Lisa Grant': [null, '2024-02-05'] },
  ],
  [
    'a court known without the word "court"; a board named after its court',
    'Jason Reed, 31, was jailed for life at the Old Bailey on Friday for murder. In a separate case, the Almaty City Court’s appeals board on Monday upheld the 10-year sentence of Marat Ospanov.',
    '2024-06-15',
    { 'Jason Reed': ['Old Bailey', '2024-06-14'], 'Marat Ospanov': ['Almaty City Court’s appeals board', '2024-06-10'] },
  ],
  [
    '"a court in the Siberian city of X" is named more fully by a district court of X, not by one of another city (negative)',
    'A court in the Siberian city of Tomsk on Monday sentenced Pavel Orlov to three years in a penal colony. The Sovetsky district court of Tomsk found him guilty of "spreading false information." In a separate case, the Leninsky district court of Omsk on Friday sentenced Anton Gusev to two years in prison.',
    '2024-03-15',
    { 'Pavel Orlov': ['Sovetsky district court of Tomsk', '2024-03-11'], 'Anton Gusev': ['Leninsky district court of Omsk', '2024-03-15'] },
  ],
  [
    'an arrest told after the verdict does not re-date it (negative)',
    'The Leninsky district court of Bishkek on Monday delivered its verdict in the case of an alleged plot. Almaz Usenov, 52, a businessman who runs a chain of shops in the Chui region, was found guilty of "preparing a seizure of power." Usenov was arrested in a raid on his country house in February last year, when police said they found weapons.',
    '2024-08-07',
    { 'Almaz Usenov': ['Leninsky district court of Bishkek', '2024-08-05'] },
  ],
  [
    'a later dated verdict of the same defendant stands over the date inherited from the case',
    'The Leninsky district court of Bishkek on Monday delivered its verdict in the case of an alleged plot. Almaz Usenov, 52, was found guilty of "preparing a seizure of power." Usenov was sentenced on Wednesday to five years in prison.',
    '2024-08-09',
    { 'Almaz Usenov': ['Leninsky district court of Bishkek', '2024-08-07'] },
  ],
  [
    'a sentencing told with a concurrent part of its own term re-dates the verdict',
    'Kieran Doyle, of Kings Heath, was found guilty of murder by a jury at Birmingham Crown Court in July and was jailed for life. He was sentenced on Thursday by Mr Justice Hartley, who gave him a concurrent term of 18 months for the knife offence.',
    '2024-09-20',
    { 'Kieran Doyle': ['Birmingham Crown Court', '2024-09-19'] },
  ],
  [
    '"at the same hearing" for a sentence refers to the last sentencing, not to a jury\'s acquittal told in between',
    'Kieran Doyle was found guilty of murder by a jury at Birmingham Crown Court in July and was jailed for life on Thursday. A 17-year-old boy, who cannot be named for legal reasons, was acquitted of murder by the jury in July. Doyle\'s girlfriend, Chloe Bramwell, 22, admitted assisting an offender. At the same hearing she was handed 16 months imprisonment, suspended for two years.',
    '2024-09-20',
    { 'Kieran Doyle': ['Birmingham Crown Court', '2024-09-19'], 'group(1)': ['Birmingham Crown Court', '2024-07'], 'Chloe Bramwell': ['Birmingham Crown Court', '2024-09-19'] },
  ],
  [
    'defendants who pleaded guilty were not part of the trial whose verdict dates the case: no date or court from it',
    'The leader of a methamphetamine ring was sentenced Thursday to life in federal prison. Javier Castaneda, 49, of Broken Arrow, was convicted by a federal jury in August of drug conspiracy. U.S. District Judge Gregory Fitzwater imposed the sentence in the U.S. District Court for the Northern District of Oklahoma. Twelve other defendants charged in the investigation have pleaded guilty and are awaiting sentencing.',
    '2023-01-27',
    { 'Javier Castaneda': ['U.S. District Court for the Northern District of Oklahoma', '2023-01-26'], 'group(12)': [null, null] },
  ],
  [
    'a plea defendant "sentenced by the same court" takes the court but not the trial\'s date',
    'Graham Pickering was jailed for six years at the Crown Court at Southwark on Wednesday after a jury found him guilty of fraud. The jury returned its verdicts in September. Sales manager Natasha Oyelaran, 36, had pleaded guilty before the trial to conspiracy to defraud. She was sentenced by the same court to two years\' imprisonment, suspended for 18 months.',
    '2023-12-01',
    { 'Graham Pickering': ['Crown Court at Southwark', '2023-11-29'], 'Natasha Oyelaran': ['Crown Court at Southwark', null] },
  ],
  [
    'a plea defendant sentenced in the same verdict as the others keeps its date and court (negative)',
    'An Almaty district court on Monday sentenced Serik Abenov to seven years in prison for bribery. His deputy, Marat Seitkali, 44, who pleaded guilty, received a three-year suspended sentence.',
    '2024-05-10',
    { 'Serik Abenov': ['Almaty district court', '2024-05-06'], 'Marat Seitkali': ['Almaty district court', '2024-05-06'] },
  ],
  [
    'a co-defendant convicted at the same trial keeps the trial\'s date and court (negative)',
    'Daniel Rourke, 35, was convicted by a jury at Snaresbrook Crown Court in January of conspiracy to commit burglary. His co-accused, Liam Foster, 22, was also convicted of handling stolen goods.',
    '2023-03-17',
    { 'Daniel Rourke': ['Snaresbrook Crown Court', '2023-01'], 'Liam Foster': ['Snaresbrook Crown Court', '2023-01'] },
  ],
  [
    'a court named for "the sentence" is not the court of a co-defendant awaiting sentencing',
    'Tiana Wells, 29, of Hempstead, pleaded guilty in January to conspiracy to distribute fentanyl and is scheduled to be sentenced on June 3. Her co-defendant, Marcus Oyelaran, 41, received a term of 127 months in prison today. The sentence was imposed by United States District Judge Carla Ostrowski in the U.S. District Court for the Eastern District of New York.',
    '2024-04-12',
    { 'Tiana Wells': [null, '2024-01'], 'Marcus Oyelaran': ['U.S. District Court for the Eastern District of New York', '2024-04-12'] },
  ],
  [
    'a court named for a verdict is also the court of a defendant awaiting sentencing (negative)',
    'Oleg Sokolov, 41, was found guilty of fraud on Monday and will be sentenced in May. The verdict was read out in the Tverskoy district court.',
    '2024-03-08',
    { 'Oleg Sokolov': ['Tverskoy district court', '2024-03-04'] },
  ],
  [
    'a court named for one sentencing hearing is not that of a co-defendant sentenced on another date',
    'A federal judge on Thursday sentenced Tremaine Holcomb to death for the carjacking and murder of two letter carriers. Chief U.S. District Judge Margaret Ross imposed the sentence in the U.S. District Court for the District of South Carolina. His co-defendant, Kendrick Vaughn, 29, pleaded guilty to carjacking. He was sentenced in August to life in prison.',
    '2024-11-15',
    { 'Tremaine Holcomb': ['U.S. District Court for the District of South Carolina', '2024-11-14'], 'Kendrick Vaughn': [null, '2024-08'] },
  ],
  [
    'a co-defendant sentenced with no date of his own, or on the same day, keeps the court of the sentence (negative)',
    'A federal judge on Thursday sentenced Tremaine Holcomb to 30 years in prison for carjacking. Chief U.S. District Judge Margaret Ross imposed the sentence in the U.S. District Court for the District of South Carolina. His co-defendant, Kendrick Vaughn, 29, was sentenced to 10 years in prison. A third man, Darius Bell, 31, was sentenced on Thursday to eight years in prison.',
    '2024-11-15',
    {
      'Tremaine Holcomb': ['U.S. District Court for the District of South Carolina', '2024-11-14'],
      'Kendrick Vaughn': ['U.S. District Court for the District of South Carolina', '2024-11-14'],
      'Darius Bell': ['U.S. District Court for the District of South Carolina', '2024-11-14'],
    },
  ],
  [
    'an appeal ruling with no date of its own takes the day the appeal court was said to rule',
    'The appeals collegium of the Supreme Court of Uzbekistan announced its decision on Wednesday. The judges cut the sentence of Aqylbek Tursynbaev, 37, from 10.5 years to 7.5 years.',
    '2023-06-02',
    { 'Aqylbek Tursynbaev': ['appeals collegium of the Supreme Court of Uzbekistan', '2023-05-31'] },
  ],
  [
    'the day an appeal court is due to rule is not an appeal ruling\'s date (negative)',
    'The appeals chamber of the Moscow City Court is due to announce its decision on the other appeals on March 3. The judges cut the sentence of Ivan Petrov, 37, from ten years to seven years.',
    '2023-02-10',
    { 'Ivan Petrov': ['appeals chamber of the Moscow City Court', null] },
  ],
  [
    'an outcome "on the day" an event told before happened takes that event\'s date',
    'The Supreme Court of Bashkortostan on Wednesday sentenced 18 men to between four and seven years in prison for their part in clashes outside a courthouse in Baymak last January. The protest erupted on the day the Baymak district court sentenced Rustem Galiullin, an activist, to four years in a general-regime colony.',
    '2025-01-17',
    { 'group(18)': ['Supreme Court of Bashkortostan', '2025-01-15'], 'Rustem Galiullin': ['Baymak district court', '2024-01'] },
  ],
  [
    'an event word inside a quoted charge dates no event (negative)',
    'The Supreme Court of Bashkortostan has sentenced 18 men to between four and seven years in prison. They were found guilty on Thursday of "participation in mass riots." The protest erupted on the day the Baymak district court sentenced Rustem Galiullin, an activist, to four years in a general-regime colony.',
    '2025-01-17',
    { 'group(18)': ['Supreme Court of Bashkortostan', '2025-01-16'], 'Rustem Galiullin': ['Baymak district court', null] },
  ],
  [
    'an earlier outcome told in the past perfect does not date the case\'s other defendants',
    'At a hearing on March 10, the appeals board of the Zhetysu regional court cut the sentence of Nurzhan Abdikarimov from nine years to six years. Abdikarimov had been found guilty last July by the Taldykorgan city court of theft. Talgat Omarov, 45, had been convicted of theft.',
    '2025-03-12',
    { 'Nurzhan Abdikarimov': ['appeals board of the Zhetysu regional court', '2025-03-10'], 'Talgat Omarov': ['Taldykorgan city court', null] },
  ],
  [
    'an outcome told in the simple past dates the case (negative)',
    'The Taldykorgan city court found Nurzhan Abdikarimov guilty of theft last July. Talgat Omarov, 45, was also convicted of theft.',
    '2025-03-12',
    { 'Nurzhan Abdikarimov': ['Taldykorgan city court', '2024-07'], 'Talgat Omarov': ['Taldykorgan city court', '2024-07'] },
  ],
  [
    'a verdict "after a closed trial" that is the sentence too still dates a defendant who admitted guilt (negative)',
    'A court in Almaty on Monday found three officials guilty of bribery after a closed trial. Serik Abenov, 51, was given seven years in prison. His deputy, Marat Seitkali, 44, who admitted his guilt, received a three-year suspended sentence.',
    '2024-05-10',
    { 'Serik Abenov': ['court in Almaty', '2024-05-06'], 'Marat Seitkali': ['court in Almaty', '2024-05-06'] },
  ],
];

describe('court and date of the case', () => {
  it.each(table)('%s', (_what, text, published, expected) => {
    expect(courtAndDate(text, published)).toEqual(expected);
  });
});
