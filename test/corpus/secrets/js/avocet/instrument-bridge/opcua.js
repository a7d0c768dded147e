// Reads plate-reader and incubator state over OPC UA and forwards it to the LIMS.
const { OPCUAClient, UserTokenType, MessageSecurityMode, SecurityPolicy } = require('node-opcua');
const { DBSQLClient } = require('@databricks/sql');

const client = OPCUAClient.create({
  applicationName: 'avocet-instrument-bridge',
  securityMode: MessageSecurityMode.SignAndEncrypt,
  securityPolicy: SecurityPolicy.Basic256Sha256,
  endpointMustExist: false,
});

async function readerSession() {
  await client.connect('opc.tcp://platereader-02.lab.avocet.bio:4840');
  return client.createSession({
    type: UserTokenType.UserName,
    userName: 'bridge',
    password: 'Nk.Ku2Tu+BrPzpN1',
  });
}

async function lakehouse() {
  const dbsql = new DBSQLClient();
  return dbsql.connect({
    host: 'adb-2660805438515908.3.azuredatabricks.net',
    path: '/sql/1.0/warehouses/044a27aa84f4c963',
    token: 'dapi4dbd7552f4e4c55e105de1ce79964c5a',
  });
}

module.exports = { readerSession, lakehouse };
