import type { Rule } from '../../../../kit';
import { fail, failurePatterns, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import { describeTarget } from '../normalize';
import type { FindingRoute } from '../resource';
import { enabledDetector, GUARDDUTY_REGION, isResult, regionProperties } from './common';

const isEnabled = (route: FindingRoute) => route.state !== 'DISABLED';

function routeText(route: FindingRoute): string {
  const targets = (route.targets ?? []).map(describeTarget).join(', ');
  const via = route.via === 'securityhub' ? ' (Security Hub imported findings)' : '';
  const filtered = route.filtered ? ', filtered on finding details' : '';
  return `EventBridge rule ${route.ruleName}${via} to ${targets}${filtered}`;
}

/**
 * 164.308(a)(6)(ii) response and reporting, 164.308(a)(1)(ii)(D) information system activity review:
 * a GuardDuty finding reaches a person or a ticket queue, which is where a breach-response playbook
 * starts.
 */
export const guardDutyFindingsRouted: Rule = {
  id: 'aws.guardduty.findings-routed',
  title: 'GuardDuty findings are routed by EventBridge to a notification or ticketing target',
  severity: 'medium',
  exposure: 'internal',
  resourceType: GUARDDUTY_REGION,
  citations: ['164.308(a)(6)(ii)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    "164.308(a)(6)(ii) requires that suspected or known security incidents be identified, responded to, mitigated and documented, and 164.308(a)(1)(ii)(D) that activity records be reviewed regularly. A GuardDuty finding that only sits in the GuardDuty console is reviewed when someone happens to open it: the Breach Notification Rule's 60-day clock (164.404) runs from discovery, or from when the breach would have been known with reasonable diligence. GuardDuty publishes each finding as an event on the default EventBridge bus of its region; an enabled rule whose pattern matches them (source aws.guardduty, detail-type GuardDuty Finding — or Security Hub's imported findings, which carry GuardDuty's) and whose target is an SNS topic, a queue, a function, a ticketing API destination, an Incident Manager plan or another event bus is the first step of a response playbook. The rule reads ListRules of the default bus and ListTargetsByRule of each matching rule, in every region with a running detector. A disabled rule, a rule without targets, or one whose only target is a CloudWatch Logs group (which stores findings but alerts no one) does not count. In an organisation the delegated administrator account also receives members' findings: a member that fails here is covered when the administrator account routes them, which its own finding shows.",
  remediation: {
    text: 'Create an EventBridge rule in each region (or one that forwards every region\'s findings to a central bus) matching source aws.guardduty and detail-type "GuardDuty Finding", with a target that reaches the on-call team or the ticketing system: an SNS topic with subscriptions, an API destination for the ticketing tool, or an Incident Manager response plan. Test it with GuardDuty sample findings.',
    terraform: `resource "aws_cloudwatch_event_rule" "guardduty_findings" {
  name = "guardduty-findings-to-security"
  event_pattern = jsonencode({
    source        = ["aws.guardduty"]
    "detail-type" = ["GuardDuty Finding"]
  })
}

resource "aws_cloudwatch_event_target" "security_alerts" {
  rule = aws_cloudwatch_event_rule.guardduty_findings.name
  arn  = aws_sns_topic.security_alerts.arn
}`,
    cloudformation: `GuardDutyFindingsRule:
  Type: AWS::Events::Rule
  Properties:
    Name: guardduty-findings-to-security
    State: ENABLED
    EventPattern:
      source: [aws.guardduty]
      detail-type: [GuardDuty Finding]
    Targets:
      - Id: security-alerts
        Arn: !Ref SecurityAlertsTopic`,
    cli: `aws events put-rule --name guardduty-findings-to-security --region <region> \\
  --event-pattern '{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"]}'
aws events put-targets --rule guardduty-findings-to-security --region <region> \\
  --targets 'Id=security-alerts,Arn=<sns-topic-arn>'
aws guardduty create-sample-findings --detector-id <detector-id> --region <region>`,
  },
  evaluate(resource) {
    const detector = enabledDetector(resource);
    if (isResult(detector)) return detector;
    const { findingRoutes, rulesListed } = regionProperties(resource);
    if (findingRoutes === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} the EventBridge rules of ${resource.name} could not be listed (see coverage gaps).`,
      );
    const enabled = findingRoutes.filter(isEnabled);
    const alerting = enabled.filter((route) =>
      (route.targets ?? []).some((target) => target.kind !== 'logs'),
    );
    if (alerting.length > 0)
      return pass(
        `GuardDuty findings in ${resource.name} are routed: ${alerting.map(routeText).join('; ')}.`,
      );
    const unknown = enabled.filter((route) => route.targets === null);
    if (unknown.length > 0)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} the targets of EventBridge rule(s) ${unknown.map((route) => route.ruleName).join(', ')} in ${resource.name} could not be read (see coverage gaps).`,
      );
    const seen: string[] = [];
    const disabled = findingRoutes.filter((route) => !isEnabled(route));
    if (disabled.length > 0)
      seen.push(`rule(s) ${disabled.map((route) => route.ruleName).join(', ')} match them but are DISABLED`);
    const empty = enabled.filter((route) => (route.targets ?? []).length === 0);
    if (empty.length > 0)
      seen.push(`rule(s) ${empty.map((route) => route.ruleName).join(', ')} match them but have no target`);
    const logsOnly = enabled.filter(
      (route) => (route.targets ?? []).length > 0 && route.targets?.every((target) => target.kind === 'logs'),
    );
    if (logsOnly.length > 0)
      seen.push(
        `${logsOnly.map(routeText).join('; ')} only stores them in CloudWatch Logs, which alerts no one`,
      );
    const summary =
      seen.length > 0
        ? seen.join('; ')
        : `none of the ${rulesListed ?? 0} rule(s) of the default event bus matches GuardDuty findings`;
    return fail(
      `GuardDuty findings in ${resource.name} are not routed to any notification or ticketing target: ${summary}.`,
    );
  },
};
