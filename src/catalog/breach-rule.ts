/**
 * Breach Notification Rule timelines (45 CFR 164.400–414) and civil money penalty tiers
 * (45 CFR 160.404, inflation-adjusted under 45 CFR 102.3), from shared/reference/breach-rule.md.
 * Facts the report prints, each with its source, date and how sure we are of it.
 */

export const breachRuleSource = {
  regulation: '45 CFR Part 164, Subpart D (§§ 164.400–164.414); 45 CFR 160.401, 160.404; 45 CFR 102.3',
  verifyAt: [
    'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D',
    'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-160/subpart-D',
  ],
  history:
    'Interim final rule 74 FR 42740 (Aug 24, 2009); amended by the Omnibus Final Rule 78 FR 5566 (Jan 25, 2013), which replaced the "harm" standard with the low-probability-of-compromise four-factor test (compliance date Sept 23, 2013).',
  readFrom:
    'Published copies of the regulation text (Bricker Graydon reproduction of the 2013-amended text; getpocketlaw.com and compliancewiki.org copies of 164.408/164.412; law.lawstack.com copy of 164.414 "verified against eCFR.gov as of June 20, 2026").',
  compiledOn: '2026-11-27',
} as const;

export interface BreachTimeline {
  citation: string;
  audience: string;
  /** The deadline or trigger as the rule words it (paraphrased). */
  deadline: string;
  detail: string;
}

export const breachTimelines: readonly BreachTimeline[] = [
  {
    citation: '164.404(a)(2)',
    audience: 'Discovery',
    deadline: 'First day the breach is known, or by reasonable diligence would have been known',
    detail: 'Known to any workforce member or agent other than the person committing the breach.',
  },
  {
    citation: '164.404(b)',
    audience: 'Affected individuals',
    deadline: 'Without unreasonable delay, in no case later than 60 calendar days after discovery',
    detail:
      'Sixty days is an outer limit: waiting until day 60 may itself be unreasonable delay; the clock starts at discovery, not at the end of the investigation (2013 Omnibus preamble). Law-enforcement delay under 164.412.',
  },
  {
    citation: '164.404(d)',
    audience: 'Substitute notice',
    deadline: 'Website posting or major media for 90 days, toll-free number active at least 90 days',
    detail:
      'When 10 or more individuals have out-of-date contact information; fewer than 10: other written notice, phone or other means.',
  },
  {
    citation: '164.406',
    audience: 'Prominent media outlets',
    deadline: 'Without unreasonable delay, no later than 60 calendar days after discovery',
    detail:
      'When more than 500 residents of one State or jurisdiction are affected (counted per State, not in total).',
  },
  {
    citation: '164.408(b)',
    audience: 'HHS Secretary (500 or more individuals)',
    deadline: 'Contemporaneously with the individual notice (within the 60-day outer limit)',
    detail: 'Through the OCR breach portal; HHS posts these breaches publicly.',
  },
  {
    citation: '164.408(c)',
    audience: 'HHS Secretary (fewer than 500 individuals)',
    deadline: 'Not later than 60 days after the end of the calendar year of discovery',
    detail: 'Keep a log of such breaches; e.g. by 1 March in a non-leap year.',
  },
  {
    citation: '164.410',
    audience: 'Business associate to covered entity',
    deadline: 'Without unreasonable delay, no later than 60 calendar days after discovery',
    detail:
      'Identify each affected individual where possible. Shorter windows in a BAA are contractual, not regulatory.',
  },
  {
    citation: '164.412',
    audience: 'Law-enforcement delay',
    deadline:
      'Written statement: the period it specifies; oral statement: no longer than 30 days unless confirmed in writing',
    detail: 'Document an oral statement, including the official’s identity.',
  },
  {
    citation: '164.414(b)',
    audience: 'Burden of proof',
    deadline: '—',
    detail:
      'The covered entity or business associate must prove that all notifications were made, or that the use or disclosure was not a breach.',
  },
];

export const breachRiskAssessmentFactors = [
  'The nature and extent of the PHI involved, including identifiers and the likelihood of re-identification',
  'The unauthorized person who used the PHI or to whom it was disclosed',
  'Whether the PHI was actually acquired or viewed',
  'The extent to which the risk to the PHI has been mitigated',
] as const;

/** "Unsecured" PHI (164.402) is PHI not rendered unusable, unreadable or indecipherable per HHS guidance. */
export const unsecuredPhiNote =
  'Breach notification applies to unsecured PHI: PHI not rendered unusable, unreadable or indecipherable to unauthorized persons by encryption or destruction as HHS guidance specifies (74 FR 19006, Apr 27, 2009).';

export interface PenaltyTier {
  tier: 1 | 2 | 3 | 4;
  culpability: string;
}

export const penaltyTiers: readonly PenaltyTier[] = [
  { tier: 1, culpability: 'Did not know and, by exercising reasonable diligence, would not have known' },
  { tier: 2, culpability: 'Reasonable cause and not willful neglect' },
  {
    tier: 3,
    culpability: 'Willful neglect, corrected within 30 days of when the entity knew or should have known',
  },
  { tier: 4, culpability: 'Willful neglect, not corrected within 30 days' },
];

export interface PenaltyAmounts {
  /** [min, max] per violation for tiers 1–4 (USD). */
  perViolation: readonly [
    readonly [number, number],
    readonly [number, number],
    readonly [number, number],
    readonly [number, number],
  ];
  /** Calendar-year cap for identical violations (USD). */
  calendarYearCap: number;
}

export interface PenaltySchedule extends PenaltyAmounts {
  label: string;
  citation: string;
  effective: string;
  confidence: string;
}

/** 160.404(b)(2)(i)–(iv), violations on or after Feb 18, 2009, before inflation adjustment. */
export const basePenalties: PenaltySchedule = {
  label: 'Statutory amounts (pre-inflation)',
  citation: '45 CFR 160.404(b)(2)',
  effective: '2009-02-18',
  perViolation: [
    [100, 50_000],
    [1_000, 50_000],
    [10_000, 50_000],
    [50_000, 1_500_000],
  ],
  calendarYearCap: 1_500_000,
  confidence:
    'Regulation text. Tier 4 has only a $50,000 minimum in the regulation; HHS tables show the maximum as the cap.',
};

/** Annual adjustments under the Federal Civil Penalties Inflation Adjustment Act Improvements Act of 2015 (45 CFR 102.3). */
export const penaltyAdjustments: readonly PenaltySchedule[] = [
  {
    label: '2019 adjustment',
    citation: '84 FR 59549',
    effective: '2019-11-05',
    perViolation: [
      [117, 58_490],
      [1_170, 58_490],
      [11_698, 58_490],
      [58_490, 1_754_698],
    ],
    calendarYearCap: 1_754_698,
    confidence: 'Secondary sources agree (natlawreview, mondaq).',
  },
  {
    label: '2023 adjustment',
    citation: '88 FR 69531',
    effective: '2023-10-06',
    perViolation: [
      [137, 68_928],
      [1_379, 68_928],
      [13_785, 68_928],
      [68_928, 2_067_813],
    ],
    calendarYearCap: 2_067_813,
    confidence: 'From the "prior amount" column of 2024 secondary sources.',
  },
  {
    label: '2024 adjustment (multiplier 1.03241)',
    citation: '89 FR 64815',
    effective: '2024-08-08',
    perViolation: [
      [141, 71_162],
      [1_424, 71_162],
      [14_232, 71_162],
      [71_162, 2_134_831],
    ],
    calendarYearCap: 2_134_831,
    confidence:
      'Two independent secondary sources agree (Haynes Boone; HIPAA Times); the Federal Register document was confirmed to exist.',
  },
  {
    label: '2026 adjustment (OMB 2025 multiplier 1.02598)',
    citation: '91 FR 3665 (FR Doc 2026-01688)',
    effective: '2026-01-28',
    perViolation: [
      [145, 73_011],
      [1_461, 73_011],
      [14_602, 73_011],
      [73_011, 2_190_294],
    ],
    calendarYearCap: 2_190_294,
    confidence:
      'NOT read from the Federal Register table: the document’s existence and date were verified, the figures come from secondary sources and equal the 2024 figures × 1.02598 rounded. Re-verify against 45 CFR 102.3.',
  },
];

/** The most recent adjustment the project holds (the one the report prints, with its confidence note). */
export function latestPenaltySchedule(): PenaltySchedule {
  const latest = [...penaltyAdjustments].sort((a, b) => b.effective.localeCompare(a.effective))[0];
  if (!latest) throw new Error('no penalty adjustment recorded');
  return latest;
}

/** HHS Notification of Enforcement Discretion, 84 FR 18151 (Apr 30, 2019): lower annual caps, not codified. */
export const enforcementDiscretion2019 = {
  citation: '84 FR 18151',
  published: '2019-04-30',
  annualCaps: [25_000, 100_000, 250_000, 1_500_000] as const,
  status:
    'Enforcement posture "until further notice", not codified. HHS said the caps apply "as adjusted for inflation" but no HHS document publishing adjusted caps was found, and whether the notice is still applied in 2026 is not verified.',
} as const;

/** HITECH §13412 (Public Law 116-321, Jan 5, 2021): HHS must consider recognized security practices. */
export const recognizedSecurityPractices =
  'When setting fines, audit scope or remedies for Security Rule matters, HHS shall consider whether recognized security practices (e.g. the NIST Cybersecurity Framework, HHS 405(d) HICP) were in place for at least the previous 12 months (HITECH §13412, 42 U.S.C. 17941, added by Public Law 116-321 on Jan 5, 2021).';

/** 45 CFR 160.401 definitions that decide the penalty tier. */
export const culpabilityDefinitions = {
  willfulNeglect:
    'Conscious, intentional failure or reckless indifference to the obligation to comply with the provision violated.',
  reasonableCause:
    'An act or omission the entity knew, or by reasonable diligence would have known, violated a provision, but not with willful neglect.',
  reasonableDiligence:
    'The business care and prudence expected from a person seeking to satisfy a legal requirement under similar circumstances.',
} as const;
