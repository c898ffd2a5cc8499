import type { Rule } from '../../../../kit';
import { fail, failServingPhi, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { ec2Volume } from '../resource';
import { describeInstance, instancesNear, label, VOLUME } from './common';

/** 164.312(a)(2)(iv) encryption and decryption: disks holding ePHI are encrypted at rest. */
export const ec2VolumeEncrypted: Rule = {
  id: 'aws.ec2.volume-encrypted',
  title: 'EBS volumes are encrypted at rest',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: VOLUME,
  citations: ['164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    '164.312(a)(2)(iv) requires a mechanism to encrypt ePHI at rest (addressable; an unencrypted disk needs a documented equivalent under 164.306(d)(3)). An EBS volume is encrypted only if it was created encrypted: its data, its snapshots and the volumes made from them stay unencrypted otherwise, and a snapshot shared or copied by mistake carries the data as written. Database, intake and telehealth servers keep PHI on their volumes (data directories, uploads, swap and logs). The rule reads Encrypted and KmsKeyId from DescribeVolumes; a failing detail names the instances the volume is attached to and says when the run classified one of them as PHI. A volume tagged as PHI fails at the higher severity.',
  remediation: {
    text: 'EBS cannot encrypt a volume in place: snapshot it, copy the snapshot with encryption (a customer managed KMS key for PHI), create a volume from the copy, and swap it in during a maintenance window. Turn on EBS encryption by default so new volumes are encrypted.',
    terraform: `resource "aws_ebs_volume" "intake_data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
  kms_key_id        = aws_kms_key.phi.arn
  snapshot_id       = "<encrypted snapshot copy>"
}`,
    cloudformation: `IntakeDataVolume:
  Type: AWS::EC2::Volume
  Properties:
    AvailabilityZone: us-east-1a
    Size: 100
    Encrypted: true
    KmsKeyId: !GetAtt PhiKey.Arn
    SnapshotId: <encrypted snapshot copy>`,
    cli: `aws ec2 create-snapshot --volume-id <vol-id> --description "pre-encryption"
aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snap-id> --encrypted --kms-key-id <key-arn>
aws ec2 create-volume --snapshot-id <encrypted-snap-id> --availability-zone <az> --encrypted --kms-key-id <key-arn>
# stop the instance, detach the old volume, attach the new one at the same device, start it`,
  },
  evaluate(resource, context) {
    const { encrypted, kmsKeyId, attachments } = ec2Volume.properties(resource);
    const subject = label('EBS volume', resource);
    if (encrypted === undefined) return notAssessed('encryption state (DescribeVolumes)', subject);
    if (encrypted)
      return pass(`${subject} is encrypted at rest${kmsKeyId ? ` with KMS key ${kmsKeyId}` : ''}.`);
    const nearby = instancesNear(resource, context);
    const phiInstance = (attachments ?? []).map((each) => nearby.get(each.instanceId)).find((i) => i?.phi);
    const attached = (attachments ?? []).map((each) => {
      const instance = nearby.get(each.instanceId);
      return instance ? describeInstance(instance) : `instance ${each.instanceId}`;
    });
    const where =
      attached.length > 0
        ? ` It is attached to ${attached.join('; ')}.`
        : ' It is not attached to an instance.';
    const detail = `${subject} is not encrypted at rest.${where}${phiNote(resource)}`;
    // The disk of a PHI workload holds its data: rated as PHI, whatever the volume's own tags.
    return phiInstance ? failServingPhi(detail, `EC2 instance ${phiInstance.name}`) : fail(detail);
  },
};
