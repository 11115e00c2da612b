-- Stable public facts: the treaties, the APMBC Committee on the Enhancement of Cooperation and
-- Assistance with its mandate (seed: shared/seeds/000, the committee's French web page), and the
-- two APMBC action plans. State-by-state facts (treaty status, committee terms, action numbering)
-- are loaded from db/data/reference/*.csv by the app, with their sources.

INSERT INTO treaty (code, name, adopted_date, in_force_date, source) VALUES
    ('APMBC', 'Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines and on their Destruction',
        '1997-09-18', '1999-03-01', 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5&chapter=26&clang=_en'),
    ('CCM', 'Convention on Cluster Munitions',
        '2008-05-30', '2010-08-01', 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-6&chapter=26&clang=_en'),
    ('CCW', 'Convention on Prohibitions or Restrictions on the Use of Certain Conventional Weapons',
        '1980-10-10', '1983-12-02', 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-2&chapter=26&clang=_en'),
    ('CRPD', 'Convention on the Rights of Persons with Disabilities',
        '2006-12-13', '2008-05-03', 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-15&chapter=4&clang=_en');
INSERT INTO treaty (code, name, parent_treaty_id, adopted_date, in_force_date, source)
SELECT 'CCW_APII', 'CCW Amended Protocol II (mines, booby-traps and other devices)', treaty_id, '1996-05-03', '1998-12-03',
       'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-2-b&chapter=26&clang=_en'
FROM treaty WHERE code = 'CCW';
INSERT INTO treaty (code, name, parent_treaty_id, adopted_date, in_force_date, source)
SELECT 'CCW_PV', 'CCW Protocol V (explosive remnants of war)', treaty_id, '2003-11-28', '2006-11-12',
       'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-2-d&chapter=26&clang=_en'
FROM treaty WHERE code = 'CCW';

INSERT INTO committee (code, name, treaty_id, source)
SELECT 'APMBC_CEC', 'Committee on the Enhancement of Cooperation and Assistance', treaty_id,
       'https://www.apminebanconvention.org/fr/comites/committee-on-the-enhancement-of-cooperation-and-assistance/ (shared/seeds/000)'
FROM treaty WHERE code = 'APMBC';

INSERT INTO committee_mandate_item (committee_id, kind, item_no, text_en, text_fr, source)
SELECT c.committee_id, v.kind, v.item_no, v.text_en, v.text_fr, c.source
FROM committee c, (VALUES
 ('ROLE', 1, 'Assist States Parties in fully implementing Article 6 of the Convention, in line with their common commitment to end the suffering and casualties caused by anti-personnel mines.',
  'Aider les États parties à mettre pleinement en œuvre l’article 6 de la Convention, conformément à la réaffirmation de leur engagement commun de mettre fin aux souffrances et aux pertes en vies humaines causées par les mines antipersonnel.'),
 ('MANDATE', 1, 'Promote cooperation and assistance under the Convention, including by organising or encouraging multilateral, regional or national discussions on cooperation and assistance, in Geneva or elsewhere.',
  'Promouvoir la coopération et l’assistance au titre de la Convention, notamment en organisant des débats au niveau multilatéral, régional ou national sur la coopération et l’assistance, à Genève ou ailleurs, ou en suscitant l’organisation de tels débats.'),
 ('MANDATE', 2, 'Facilitate partnerships between States Parties seeking assistance and those able to provide it, including through information-exchange tools (e.g. the "partnership platform").',
  'Faciliter l’instauration de partenariats entre les États parties qui cherchent à bénéficier d’une assistance et ceux qui sont en mesure de fournir cette assistance, notamment par le biais d’outils pour l’échange d’informations (par exemple, via la « plateforme de partenariat »).'),
 ('MANDATE', 3, 'Consult other mechanisms established by the States Parties to facilitate and accelerate full implementation of the Convention.',
  'Se concerter avec d’autres mécanismes mis en place par les États parties afin de faciliter et d’accélérer la pleine mise en œuvre de la Convention.'),
 ('MANDATE', 4, 'Review relevant information provided by States Parties on the implementation of the Oslo Action Plan commitments.',
  'Examiner les informations pertinentes fournies par les États parties sur la mise en œuvre des engagements du Plan d''action d''Oslo.'),
 ('MANDATE', 5, 'Consider gender and the diverse needs and experiences of people in affected communities in all aspects of its work.',
  'Examiner les questions liées au genre et les divers besoins et expériences des personnes dans les communautés affectées dans tous les aspects de son travail.'),
 ('MANDATE', 6, 'Present preliminary observations to intersessional meetings where needed, and conclusions and recommendations, as appropriate, to Meetings of the States Parties or Review Conferences.',
  'Présenter des observations préliminaires aux réunions intersessions, si besoin est, et des conclusions et recommandations, le cas échéant, aux assemblées des États parties ou aux conférences d’examen.'),
 ('MANDATE', 7, 'Act transparently and accountably, including by reporting on its activities at intersessional meetings and at Meetings of the States Parties or Review Conferences.',
  'Faire preuve de transparence et de sens des responsabilités, notamment en rendant compte de ses activités lors des réunions intersessions ainsi que des assemblées des États parties ou des conférences d’examen.'),
 ('COMPOSITION', 1, 'A representative group of four States serving overlapping two-year terms, including one mine-affected State Party and one State Party providing support or assistance. Each year the Committee elects as chair one of the States Parties in the second year of its two-year term; the chair convenes and chairs meetings, issues communications on the Committee''s behalf and guides the Implementation Support Unit.',
  'Il est composé d’un groupe représentatif de quatre États en fonctions pour des mandats de deux ans se chevauchant, dont un État partie touché par les mines et un État partie prestataire d’un appui ou d’une assistance. Chaque année, le Comité élira un président représentant l’un des États parties en fonctions pour la seconde année de son mandat de deux ans.'),
 ('WORKING_METHOD', 1, 'May draw on the experience of the ICBL and the ICRC and associate them with its work, and invite States Parties, the UN and other relevant organisations to take part ad hoc; seeks consensus in all its work.',
  'Le Comité pourra s’appuyer sur l’expérience de la Campagne internationale pour l’interdiction des mines terrestres et du Comité international de la Croix-Rouge et les associer à ses travaux, et inviter les États parties, l’Organisation des Nations Unies et d’autres organisations internationales et non gouvernementales concernées à participer ponctuellement à ses travaux. Le Comité s’efforcera d’obtenir l’accord de tous dans tous les aspects de son action.'),
 ('WORKING_METHOD', 2, 'Appoint a focal point among its members to advise on gender mainstreaming and on taking into account the diverse needs and experiences of people in affected communities in implementing the Oslo Action Plan.',
  'Désigner un point focal parmi ses membres pour fournir des conseils sur l''intégration de la dimension de genre et veiller à ce que les divers besoins et expériences des personnes dans les communautés touchées soient pris en compte dans la mise en œuvre du Plan d''action d''Oslo.'),
 ('WORKING_METHOD', 3, 'Strengthen coordination with the other committees, including by reviewing implementation more comprehensively and considering joint conclusions at Meetings of the States Parties or Review Conferences.',
  'Accroître et renforcer la coordination avec d''autres comités, notamment en examinant la mise en œuvre par les États parties de manière plus globale et en envisageant la présentation de conclusions conjointes sur l''état de la mise en œuvre de la Convention par les États parties lors des réunions des États parties ou des conférences d''examen.')
) AS v(kind, item_no, text_en, text_fr)
WHERE c.code = 'APMBC_CEC';

INSERT INTO action_plan (code, name, treaty_id, adopted_date, year_from, year_to, source)
SELECT 'OAP', 'Oslo Action Plan', treaty_id, '2019-11-29', 2020, 2024,
       'APLC/CONF/2019/5/Add.1, adopted at the Fourth Review Conference, Oslo, 29 November 2019 (see db/data/reference/SOURCES-plans-committee.md)'
FROM treaty WHERE code = 'APMBC';
INSERT INTO action_plan (code, name, treaty_id, adopted_date, year_from, year_to, source)
SELECT 'SRAAP', 'Siem Reap–Angkor Action Plan', treaty_id, '2024-11-29', 2025, 2029,
       'Adopted at the Fifth Review Conference, Siem Reap, 29 November 2024 (see db/data/reference/SOURCES-plans-committee.md)'
FROM treaty WHERE code = 'APMBC';
