/**
 * What the project knows about Microsoft's HIPAA BAA and the Azure Policy HIPAA initiative
 * (shared/reference/azure-hipaa.txt), with sources and dates. Unlike AWS, no machine-readable list
 * of HIPAA in-scope Azure services was found: per-service scope is NOT VERIFIED, and the product
 * says so instead of guessing (164.308(b)(1), 164.314(a): the BAA must cover the service).
 */

export interface DatedSource {
  title: string;
  url: string | null;
  /** The date of the copy read (ISO), or null when the source gave none. */
  date: string | null;
  note?: string;
}

export const azureBaa = {
  mechanism:
    'Microsoft does not sign customer-authored BAAs. Its standard HIPAA Business Associate Agreement is incorporated by default into the Microsoft Products and Services Data Protection Addendum (DPA), which the Microsoft Product Terms reference. It applies to customers that are HIPAA covered entities or business associates, for in-scope Microsoft services.',
  howAccepted:
    'Accepting the licensing agreement (EA, MCA, CSP; per an AI-generated Microsoft Q&A answer also Pay-As-You-Go/MOSA) carries the BAA terms; there is no separate BAA to sign.',
  baaDocumentLastCited: 'Microsoft General – HIPAA BAA (October 2021)',
  cloudsInScope: [
    'Azure',
    'Azure Government',
    'Dynamics 365',
    'Microsoft 365 / Office 365',
    'Power Platform',
    'Intune',
  ],
  cloudsInScopeNote:
    'Family-level list from secondary summaries (atmosera.com, hipaajournal.com) of Microsoft’s HIPAA page; the current Microsoft table was not retrievable.',
  hitrustCertified: true,
  perServiceScope: {
    status: 'not_verified' as const,
    explanation:
      'No machine-readable Microsoft list of HIPAA in-scope Azure services was found. Microsoft’s Azure HIPAA offering page points to its in-scope service listings (the Azure and Azure Government "services in audit scope" documentation); confirm each Azure service that stores or processes PHI there.',
    whereToVerify: 'https://learn.microsoft.com/en-us/azure/compliance/offerings/offering-hipaa-us',
  },
  canonicalDocuments: [
    'https://www.microsoft.com/licensing/docs/view/Microsoft-Products-and-Services-Data-Protection-Addendum-DPA',
    'https://learn.microsoft.com/en-us/azure/compliance/offerings/offering-hipaa-us',
    'https://learn.microsoft.com/en-us/compliance/regulatory/offering-hipaa-hitech',
  ],
  sources: [
    {
      title: 'Microsoft Learn "HIPAA & HITECH" compliance offering (read through a mirror)',
      url: 'https://learn.microsoft.com/en-us/compliance/regulatory/offering-hipaa-hitech',
      date: null,
    },
    {
      title: 'Older Microsoft HIPAA page FAQ, as quoted by drworthen.net',
      url: null,
      date: '2024',
      note: 'BAA available through the Online Services DPA by default to covered entities and business associates.',
    },
    {
      title: 'Microsoft Q&A thread 5881099 (AI-generated "Q&A Assist" answer: indicative only)',
      url: null,
      date: '2026-05-05',
    },
  ] satisfies DatedSource[],
  unverified: [
    'The current per-service Azure HIPAA BAA scope list.',
    'Whether Microsoft still uses the "Microsoft General – HIPAA BAA (October 2021)" text or a later version.',
  ],
} as const;

export const azurePolicyHipaaInitiative = {
  displayName: 'HITRUST/HIPAA',
  docsTitle: 'Regulatory Compliance details for HIPAA HITRUST 9.2',
  definitionName: 'a169a624-5599-4385-a696-c8d643089fab',
  resourceId: '/providers/Microsoft.Authorization/policySetDefinitions/a169a624-5599-4385-a696-c8d643089fab',
  category: 'Regulatory Compliance',
  version: '14.13.0',
  docsUrl: 'https://learn.microsoft.com/azure/governance/policy/samples/hipaa-hitrust-9-2',
  scopeNote: 'Microsoft describes the policies as addressing a subset of HITRUST controls.',
  policyDefinitions: 589,
  manualDefinitions: 496,
  automatedDefinitions: 93,
  definitionGroups: 576,
  parameters: 98,
  source: {
    title:
      'Azure/azure-policy (Microsoft), built-in-policies/policySetDefinitions/Regulatory Compliance/HIPAA_HITRUST_audit.json',
    url: 'https://github.com/Azure/azure-policy',
    snapshotCommit: 'f4a50bac',
    snapshotDate: '2026-04-29',
    fileLastChangedCommit: '2e07c277',
    fileLastChangedDate: '2026-01-09',
    note: 'Counts may differ from the Azure portal if Microsoft released policy updates after 2026-04-29.',
  },
} as const;

export const azurePolicyHitrustCsf = {
  displayName: 'HITRUST CSF v11.3',
  definitionName: 'e0d47b75-5d99-442a-9d60-07f2595ab095',
  version: '1.7.0',
  policyDefinitions: 218,
  definitionGroups: 28,
  note: 'Not HIPAA-specific; HITRUST CSF maps to HIPAA. Same repository snapshot (2026-04-29).',
} as const;

/**
 * What the product can say about one Azure service's BAA scope: always "not verified", with where
 * to check, because the project holds no dated per-service list (azure-hipaa.txt A.3).
 */
export function describeAzureServiceScope(service: string): string {
  return `Whether ${service} is in scope of Microsoft's HIPAA BAA is not verified by this tool: no machine-readable per-service list exists. Confirm it in Microsoft's in-scope service listing (${azureBaa.perServiceScope.whereToVerify}).`;
}
