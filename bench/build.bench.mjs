// kappy build benchmarks.
// (a) 40 projects in a wide DAG whose builds take a fixed 0.3 s and one job
//     each, budget 4: wall time against the lower bound max(critical path,
//     work / budget), and against building them one at a time.
// (b) 100 tiny real CMake projects (Ninja), built once under bench/.work:
//     kappy's no-change rebuild against `ninja install` run in every build
//     directory one after the other (what kde-builder does on every run).
// Run `npx tsc -p tsconfig.build.json` first.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildProjects } from '../dist/build/build-projects.js';
import { commitAll, printTable, project, silent, timed, workspace,
  writeFiles } from './build-fixtures.mjs';

const UNIT_S = 0.3;

/**
 * A chain of 10 (the critical path) and 30 projects in groups of 3 that
 * hang off it and off each other; listed chain-last so that a scheduler
 * taking the plan order would delay the chain.
 */
function wideDag() {
  const others = [];
  for (let group = 1; group <= 10; group++) {
    for (let i = 1; i <= 3; i++) {
      const deps = group > 1 ? [`chain/c${group - 1}`, `wide/g${group - 1}-${i}`] : [];
      others.push(project(`wide/g${group}-${i}`, deps,
        { buildSystem: 'custom', buildCommand: `sleep ${UNIT_S}`, jobs: 1 }));
    }
  }
  const chain = [];
  for (let step = 1; step <= 10; step++) {
    chain.push(project(`chain/c${step}`, step > 1 ? [`chain/c${step - 1}`] : [],
      { buildSystem: 'custom', buildCommand: `sleep ${UNIT_S}`, jobs: 1 }));
  }
  // Dependencies first, otherwise the wide projects before the chain.
  const ordered = [];
  for (let k = 0; k < 10; k++) ordered.push(...others.slice(3 * k, 3 * k + 3), chain[k]);
  return { projects: ordered, external: [] };
}

async function benchWideDag() {
  const plan = wideDag();
  const paths = workspace('wide-dag');
  rmSync(path.dirname(paths.cache), { recursive: true, force: true });
  for (const p of plan.projects) writeFiles(path.join(paths.cache, p.path), { README: p.path });

  const jobs = 4;
  const run = (budget) => timed(() => buildProjects(plan, { paths, jobs: budget,
    onFailure: 'stop', force: true, reporter: silent }));
  const parallel = await run(jobs);
  if (!parallel.value.ok) throw new Error('wide DAG build failed');
  const serial = await run(1);

  // One build is `sh -c "sleep 0.3"`: the process itself costs a little
  // more than 0.3 s, so the bound uses what one build really takes.
  const units = [];
  for (let i = 0; i < 5; i++) {
    units.push((await timed(() => execFileSync('sh', ['-c', `sleep ${UNIT_S}`]))).ms);
  }
  const unit = median(units);
  const bound = (units) => Math.max(10 * units, plan.projects.length * units / jobs);
  printTable(`(a) ${plan.projects.length} projects, ${UNIT_S}s each, --jobs ${jobs}`, [
    ['parallel wall vs lower bound', ms(parallel.ms), ms(bound(unit)),
      ratio(parallel.ms, bound(unit)), '<= 1.10x'],
    ['  (bound with a nominal 0.3 s)', ms(parallel.ms), ms(bound(UNIT_S * 1000)),
      ratio(parallel.ms, bound(UNIT_S * 1000)), ''],
    ['parallel wall vs one at a time', ms(parallel.ms), ms(serial.ms),
      ratio(parallel.ms, serial.ms), 'report'],
  ]);
}

function tinyCMake(index) {
  const name = `p${String(index).padStart(3, '0')}`;
  return {
    name,
    files: {
      'CMakeLists.txt': `cmake_minimum_required(VERSION 3.16)\nproject(${name} C)\n` +
        `add_library(${name} SHARED ${name}.c)\ninstall(TARGETS ${name} ` +
        'LIBRARY DESTINATION lib)\n',
      [`${name}.c`]: `int ${name}_value(void) { return ${index}; }\n`,
    },
  };
}

/** p000…p099; each of p010… depends on p(i/10), a tree like a suite's. */
function cmakePlan() {
  const projects = [];
  for (let i = 0; i < 100; i++) {
    const deps = i >= 10 ? [`cmake/${tinyCMake(Math.floor(i / 10)).name}`] : [];
    projects.push(project(`cmake/${tinyCMake(i).name}`, deps, {}));
  }
  return { projects, external: [] };
}

async function benchNoChangeRebuild() {
  const plan = cmakePlan();
  const paths = workspace('cmake100');
  const stamp = path.join(paths.build, '.bench-complete');
  if (!existsSync(stamp)) {
    rmSync(path.dirname(paths.cache), { recursive: true, force: true });
    for (let i = 0; i < 100; i++) {
      const { name, files } = tinyCMake(i);
      const dir = path.join(paths.cache, 'cmake', name);
      writeFiles(dir, files);
      commitAll(dir);
    }
    console.log('building 100 CMake projects once (reused on later runs)…');
    const first = await buildProjects(plan, { paths, jobs: 2, onFailure: 'continue',
      reporter: silent });
    if (!first.ok) throw new Error('initial build of the 100 CMake projects failed');
    writeFiles(paths.build, { '.bench-complete': '' });
  }

  const kappyRuns = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await timed(() => buildProjects(plan, { paths, jobs: 2,
      onFailure: 'continue', reporter: silent }));
    const rebuilt = result.value.results.filter((r) => r.status !== 'up-to-date');
    if (rebuilt.length > 0) throw new Error(`expected no rebuild, got ${rebuilt.length}`);
    kappyRuns.push(result.ms);
  }
  const ninjaRuns = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    ninjaRuns.push((await timed(() => {
      for (const p of plan.projects) {
        execFileSync('ninja', ['install'], { cwd: path.join(paths.build, p.path),
          stdio: 'ignore' });
      }
    })).ms);
  }

  const kappy = median(kappyRuns);
  const ninja = median(ninjaRuns);
  printTable('(b) 100 unchanged CMake projects (median of 3)', [
    ['kappy no-change rebuild vs ninja install x100', ms(kappy), ms(ninja),
      ratio(kappy, ninja), '<= 0.30x'],
  ]);
}

const ms = (value) => `${Math.round(value)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// `node bench/build.bench.mjs a` or `… b` runs one part.
const only = process.argv[2];
if (!only || only === 'a') await benchWideDag();
if (!only || only === 'b') await benchNoChangeRebuild();
