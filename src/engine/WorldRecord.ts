import type { World } from './World.js';

/**
 * The world as a class instance: {@link createWorld} builds every world (the first and each one
 * rebuilt when states enter or leave, model note N43) through this constructor, never as an object
 * literal. V8 builds an object literal's boilerplate the second time the literal runs, with 0 in
 * place of every computed value; on the World's transition tree that generalises every field that
 * holds an array (field type and representation) and deoptimises every phase compiled against the
 * world (measured: the whole tick re-warms for ~170 ticks after the first rebuild). A constructor's
 * stores follow the same transitions with the same kinds of values every time. A field that holds
 * fractions is first set to NaN, so that V8 holds it as a double from the first world on: a first
 * small integer (0) would be generalised at the first fraction (tick 0), deprecating the map that
 * every holder of the world (the tick context, the simulation) recorded, and the rebuilt world's
 * map would then generalise those holders, deoptimising the phases again. Assign every field
 * (test/unit/engine/WorldRecord.test.ts checks the keys).
 * @internal
 */
export class WorldRecord implements World {
  declare n: World['n'];
  declare ids: World['ids'];
  declare names: World['names'];
  declare inputIndex: World['inputIndex'];
  declare idHash: World['idHash'];
  declare major: World['major'];
  declare mil: World['mil'];
  declare eco: World['eco'];
  declare pop: World['pop'];
  declare growthMil: World['growthMil'];
  declare growthEco: World['growthEco'];
  declare growthPop: World['growthPop'];
  declare capabilityExponent: World['capabilityExponent'];
  declare floorMil: World['floorMil'];
  declare floorEco: World['floorEco'];
  declare floorPop: World['floorPop'];
  declare off: World['off'];
  declare nuc: World['nuc'];
  declare rev: World['rev'];
  declare ideo: World['ideo'];
  declare leg: World['leg'];
  declare legBase: World['legBase'];
  declare dom: World['dom'];
  declare proximity: World['proximity'];
  declare ahat: World['ahat'];
  declare affinity: World['affinity'];
  declare affinitySeed: World['affinitySeed'];
  declare trade: World['trade'];
  declare tradeBase: World['tradeBase'];
  declare ally: World['ally'];
  declare ent: World['ent'];
  declare entPairs: World['entPairs'];
  declare allyCount: World['allyCount'];
  declare allies: World['allies'];
  declare allianceCount: World['allianceCount'];
  declare allianceVersion: World['allianceVersion'];
  declare tradePairs: World['tradePairs'];
  declare instCapacity: World['instCapacity'];
  declare instSlots: World['instSlots'];
  declare instAlive: World['instAlive'];
  declare instIds: World['instIds'];
  declare instNames: World['instNames'];
  declare instKind: World['instKind'];
  declare instRule: World['instRule'];
  declare instStrictness: World['instStrictness'];
  declare instStrength: World['instStrength'];
  declare instBase: World['instBase'];
  declare instAgainst: World['instAgainst'];
  declare member: World['member'];
  declare memberCount: World['memberCount'];
  declare instFree: World['instFree'];
  declare membershipVersion: World['membershipVersion'];
  declare lambda: World['lambda'];
  declare nu: World['nu'];
  declare theta: World['theta'];
  declare lastMajorWar: World['lastMajorWar'];
  declare publicGoods: World['publicGoods'];
  declare tick: World['tick'];
  declare startYear: World['startYear'];
  declare ticksPerYear: World['ticksPerYear'];
  declare parameterVersion: World['parameterVersion'];
  declare formedPairs: World['formedPairs'];
  declare formedTarget: World['formedTarget'];
  declare formedFaded: World['formedFaded'];
  declare inputEnds: World['inputEnds'];

  declare status: World['status'];
  declare statusCount: World['statusCount'];
  declare appliedTick: World['appliedTick'];
  declare vetoHolder: World['vetoHolder'];
  constructor(init: World) {
    this.n = init.n;
    this.ids = init.ids;
    this.names = init.names;
    this.inputIndex = init.inputIndex;
    this.idHash = init.idHash;
    this.major = init.major;
    this.mil = init.mil;
    this.eco = init.eco;
    this.pop = init.pop;
    this.growthMil = init.growthMil;
    this.growthEco = init.growthEco;
    this.growthPop = init.growthPop;
    this.capabilityExponent = init.capabilityExponent;
    this.floorMil = Number.NaN; // a double from the first construction on (see above)
    this.floorMil = init.floorMil;
    this.floorEco = Number.NaN; // a double from the first construction on (see above)
    this.floorEco = init.floorEco;
    this.floorPop = Number.NaN; // a double from the first construction on (see above)
    this.floorPop = init.floorPop;
    this.off = init.off;
    this.nuc = init.nuc;
    this.rev = init.rev;
    this.ideo = init.ideo;
    this.leg = init.leg;
    this.legBase = init.legBase;
    this.dom = init.dom;
    this.proximity = init.proximity;
    this.ahat = init.ahat;
    this.affinity = init.affinity;
    this.affinitySeed = init.affinitySeed;
    this.trade = init.trade;
    this.tradeBase = init.tradeBase;
    this.ally = init.ally;
    this.ent = init.ent;
    this.entPairs = init.entPairs;
    this.allyCount = init.allyCount;
    this.allies = init.allies;
    this.allianceCount = init.allianceCount;
    this.allianceVersion = init.allianceVersion;
    this.tradePairs = init.tradePairs;
    this.instCapacity = init.instCapacity;
    this.instSlots = init.instSlots;
    this.instAlive = init.instAlive;
    this.instIds = init.instIds;
    this.instNames = init.instNames;
    this.instKind = init.instKind;
    this.instRule = init.instRule;
    this.instStrictness = init.instStrictness;
    this.instStrength = init.instStrength;
    this.instBase = init.instBase;
    this.instAgainst = init.instAgainst;
    this.member = init.member;
    this.memberCount = init.memberCount;
    this.instFree = init.instFree;
    this.membershipVersion = init.membershipVersion;
    this.lambda = Number.NaN; // a double from the first construction on (see above)
    this.lambda = init.lambda;
    this.nu = Number.NaN; // a double from the first construction on (see above)
    this.nu = init.nu;
    this.theta = Number.NaN; // a double from the first construction on (see above)
    this.theta = init.theta;
    this.lastMajorWar = Number.NaN; // a double from the first construction on (see above)
    this.lastMajorWar = init.lastMajorWar;
    this.publicGoods = Number.NaN; // a double from the first construction on (see above)
    this.publicGoods = init.publicGoods;
    this.tick = init.tick;
    this.startYear = init.startYear;
    this.ticksPerYear = init.ticksPerYear;
    this.parameterVersion = init.parameterVersion;
    this.formedPairs = init.formedPairs;
    this.formedTarget = init.formedTarget;
    this.formedFaded = init.formedFaded;
    this.inputEnds = init.inputEnds;
    this.status = init.status;
    this.statusCount = init.statusCount;
    this.appliedTick = init.appliedTick;
    this.vetoHolder = init.vetoHolder;
  }
}
