// Opened on the ops jump host so `mongosh` lands in the outage-events cluster.
const outage = connect("mongodb://ops_ro:jMlQYm6_cDTn0xp7fb7A22@mongo-1.tern.internal:27017,mongo-2.tern.internal:27017/outages?replicaSet=rs0&authSource=admin");
prompt = () => `outages@${db.getName()}> `;
