// Loaded into every service the fault suite runs (`node --require`): it
// prints when the Kafka consumer disconnects and when the store connection
// closes, so the SIGTERM case can check the order from the outside. It only
// wraps the two methods (the bundles load kafkajs and mongoose from the same
// node_modules) and never listens for signals: a SIGTERM listener would
// keep Nest's re-raised signal from ending the process.
const say = (what) => process.stderr.write(`[fault-probe] ${what} at ${new Date().toISOString()}\n`);

function wrap(owner, method, before, after) {
  const original = owner[method];
  owner[method] = async function (...args) {
    say(before);
    try {
      return await original.apply(this, args);
    } finally {
      say(after);
    }
  };
}

try {
  const mongoose = require('mongoose');
  wrap(mongoose.Connection.prototype, 'close', 'store connection closing', 'store connection closed');
} catch {
  // a service without a store
}

const kafkajs = require('kafkajs');
const consumerOf = kafkajs.Kafka.prototype.consumer;
kafkajs.Kafka.prototype.consumer = function (...args) {
  const consumer = consumerOf.apply(this, args);
  wrap(consumer, 'disconnect', 'consumer disconnecting', 'consumer disconnected');
  return consumer;
};

process.on('exit', (code) => say(`process exit ${code}`));
