/**
 * Breach-notification readiness (45 CFR 164.400–414): the timelines the entity must be able to
 * meet, from the catalog (src/catalog/breach-rule.ts), and what this assessment's findings mean
 * for them: unencrypted PHI is "unsecured" (164.402), and missing logs make the four-factor risk
 * assessment and the discovery date hard to establish.
 */
import {
  breachRiskAssessmentFactors,
  breachRuleSource,
  breachTimelines,
  latestPenaltySchedule,
  penaltyTiers,
  recognizedSecurityPractices,
  unsecuredPhiNote,
} from '../../catalog/breach-rule';
import { bullets, callout, cell, paragraph, smallParagraph, type Block, type Section } from '../model';
import { failing, plural, type ReportContext } from './context';

const ENCRYPTION = ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)', '164.312(e)(1)'];
const AUDIT = ['164.312(b)', '164.308(a)(1)(ii)(D)'];
const usd = (n: number) => `$${n.toLocaleString('en-US')}`;

export function breachSection(ctx: ReportContext): Section {
  const fails = failing(ctx);
  const unencrypted = fails.filter((f) => f.citations.some((c) => ENCRYPTION.includes(c)));
  const unlogged = fails.filter((f) => f.citations.some((c) => AUDIT.includes(c)));
  const incident = ctx.data.attestations.filter((a) => a.citation.startsWith('164.308(a)(6)'));
  const blocks: Block[] = [
    paragraph(
      'Whether the entity could meet its notification duties if a breach of unsecured PHI were discovered today. ',
      'The Breach Notification Rule applies to unsecured PHI; an impermissible use or disclosure is presumed a breach unless a documented risk assessment shows a low probability that the PHI was compromised (164.402).',
    ),
    { kind: 'heading', level: 2, text: 'Readiness' },
    {
      kind: 'table',
      columns: [
        { header: 'Question', width: 40 },
        { header: 'What this assessment shows', width: 45 },
        { header: 'Status', width: 15 },
      ],
      rows: [
        [
          cell('Is PHI encrypted, so that a breach would involve secured PHI only?'),
          cell(
            unencrypted.length
              ? `${plural(unencrypted.length, 'failing finding')} on encryption at rest or in transit (${[...new Set(unencrypted.map((f) => f.resourceName))].slice(0, 5).join(', ')}${unencrypted.length > 5 ? ', …' : ''}). PHI there is unsecured: its breach is notifiable.`
              : 'No failing encryption check.',
          ),
          unencrypted.length ? cell('Gap', 'fail') : cell('No gap found', 'ok'),
        ],
        [
          cell(
            'Could the entity tell whether PHI was acquired or viewed, and when (factor iii; discovery date, 164.404(a)(2))?',
          ),
          cell(
            unlogged.length
              ? `${plural(unlogged.length, 'failing finding')} on audit logging: access to those resources leaves no record to investigate.`
              : 'No failing audit-logging check.',
          ),
          unlogged.length ? cell('Gap', 'fail') : cell('No gap found', 'ok'),
        ],
        [
          cell('Are incident response and reporting procedures in place (164.308(a)(6))?'),
          cell(
            incident.length
              ? incident
                  .map((a) => `${a.citation}: ${a.status.replace(/_/g, ' ')} (${a.attestedBy})`)
                  .join('; ')
              : 'No attestation recorded; cloud configuration cannot show it.',
          ),
          incident.length ? cell('Attested', 'ok') : cell('No evidence', 'warning'),
        ],
      ],
    },
    { kind: 'heading', level: 2, text: 'Notification timelines' },
    {
      kind: 'table',
      columns: [
        { header: 'Citation', width: 13, mono: true },
        { header: 'Who / what', width: 20 },
        { header: 'Deadline', width: 32 },
        { header: 'Notes', width: 35 },
      ],
      rows: breachTimelines.map((t) => [
        cell(t.citation),
        cell(t.audience, undefined, true),
        cell(t.deadline),
        cell(t.detail),
      ]),
    },
    { kind: 'heading', level: 2, text: 'Four-factor risk assessment (164.402)' },
    bullets([...breachRiskAssessmentFactors]),
    paragraph(unsecuredPhiNote),
  ];
  const schedule = latestPenaltySchedule();
  blocks.push({ kind: 'heading', level: 2, text: 'Civil money penalties (45 CFR 160.404)' });
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'Tier', width: 8 },
      { header: 'Culpability', width: 46 },
      { header: 'Per violation', width: 26 },
      { header: 'Calendar-year cap', width: 20 },
    ],
    rows: penaltyTiers.map((t) => {
      const [min, max] = schedule.perViolation[t.tier - 1]!;
      return [
        cell(t.tier),
        cell(t.culpability),
        cell(`${usd(min)} – ${usd(max)}`),
        cell(usd(schedule.calendarYearCap)),
      ];
    }),
  });
  blocks.push(
    smallParagraph(
      `${schedule.label}, ${schedule.citation}, effective ${schedule.effective}. ${schedule.confidence}`,
    ),
  );
  blocks.push(paragraph(recognizedSecurityPractices));
  blocks.push(
    callout(
      'note',
      'Source',
      `${breachRuleSource.regulation}. ${breachRuleSource.history} Compiled ${breachRuleSource.compiledOn}; verify at ${breachRuleSource.verifyAt.join(' and ')}.`,
    ),
  );
  return { id: 'breach-readiness', title: 'Breach-notification readiness', blocks };
}
