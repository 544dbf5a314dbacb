// Run by the official mongo image once, when it initialises an empty data volume
// (/docker-entrypoint-initdb.d, as the root user). The services connect as this user,
// which can read and write the newswire database and nothing else; root stays for operators.
const password = process.env.NEWSWIRE_MONGO_PASSWORD;
if (!password) throw new Error('NEWSWIRE_MONGO_PASSWORD is not set');
db.getSiblingDB('newswire').createUser({ user: 'newswire', pwd: password, roles: [{ role: 'readWrite', db: 'newswire' }] });
