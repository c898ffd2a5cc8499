import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { databaseLabel, databaseProperties, SQL_DATABASE } from './common';

/** 164.312(a)(2)(iv) encryption at rest, and 164.310(d)(1) media that leave the data centre. */
export const sqlTransparentDataEncryption: Rule = {
  id: 'azure.sql.tde',
  title: 'Azure SQL databases have transparent data encryption on',
  severity: 'high',
  exposure: 'internal',
  resourceType: SQL_DATABASE,
  citations: ['164.312(a)(2)(iv)', '164.310(d)(1)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    "Transparent data encryption (TDE) encrypts a database's data files, log files and backups at rest with a database encryption key. It has been on by default for new Azure SQL databases since 2017, but it can be turned off per database, and databases created earlier, restored or migrated may still have it off. With TDE off, the database files and every backup taken of them hold ePHI in the clear: the encryption specification (164.312(a)(2)(iv)) is not met for that data, and backups copied elsewhere are media carrying unencrypted ePHI (164.310(d)(1)). An unencrypted database is a reportable breach if its files or backups are exposed, whereas encrypted data may fall under the breach notification safe harbour. Checked per database (master excluded): TransparentDataEncryptions_Get (transparentDataEncryption/current), api-version 2023-08-01.",
  remediation: {
    text: 'Turn transparent data encryption on for the database. Encryption runs online in the background; existing backups stay unencrypted until they age out, so shorten their retention or replace them once the scan completes.',
    bicep: `resource tde 'Microsoft.Sql/servers/databases/transparentDataEncryption@2023-08-01' = {
  parent: database // Microsoft.Sql/servers/databases@2023-08-01
  name: 'current'
  properties: {
    state: 'Enabled'
  }
}`,
    terraform: `resource "azurerm_mssql_database" "phi" {
  name                        = var.database_name
  server_id                   = azurerm_mssql_server.phi.id
  sku_name                    = "GP_Gen5_2"
  transparent_data_encryption_enabled = true
}`,
    cli: 'az sql db tde set --server <server-name> --resource-group <resource-group> --database <database-name> --status Enabled',
  },
  evaluate(resource) {
    const { transparentDataEncryption: state } = databaseProperties(resource);
    const subject = databaseLabel(resource);
    if (state === undefined) return notAssessed('transparent data encryption state', subject);
    if (state !== 'Enabled')
      return fail(
        `${subject} has transparent data encryption ${state.toLowerCase()}: its data files and backups are not encrypted at rest.${phiNote(resource)}`,
      );
    return pass(`${subject} has transparent data encryption enabled.`);
  },
};
