// A child for test/process-lane.test.ts: answers `echo` with what it was sent, `later` the same
// 150 ms later, `noise` with a stray message before its answer, `throw` with what it threw, and
// ends itself on `exit`.
process.on('message', ({ id, task }) => {
  if (task.kind === 'exit') process.exit(3);
  if (task.kind === 'later') {
    setTimeout(() => process.send({ id, outcome: { echo: task.value, pid: process.pid } }), 150);
    return;
  }
  if (task.kind === 'noise') {
    process.send('not a reply');
    process.send({ id: id + 1000, outcome: 'another job’s' });
  }
  if (task.kind === 'throw') {
    process.send({ id, failed: 'Error: refused here' });
    return;
  }
  process.send({ id, outcome: { echo: task.value, pid: process.pid } });
});
process.on('disconnect', () => process.exit(0));
