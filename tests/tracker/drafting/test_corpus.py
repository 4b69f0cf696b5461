"""The drafter on the corpus of real task-division documents (tests/data/drafting/).

The floors are what the drafter reached when they were written (it is the measuring
stick, not the goal: the issue's targets on the held-out part are tasks ≥ 0.95 recall and
precision, units exact ≥ 0.90, targets ≥ 0.85, deadlines ≥ 0.90). Raise them as the
drafter improves; a change that reads the corpus worse fails here. The figures are printed
by `python -m bench.drafting_corpus [tune|heldout|all]`.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from bench import drafting_corpus as bench
from tracker.planfile import load_plan_file

# part: (tasks R, tasks P, units exact, targets R, deadlines R), totals over the part
FLOORS = {
    # tune: the first 12, session 3's held-out 16, session 4's 21 (60–80) and session 4's second
    # held-out set 23 (31–53, measured once there: 0.72 / 0.85 / 0.33 / 0.73 / 0.94); round two of
    # session 4 read 1.00 / 0.99 / 1.00 / 0.93 / 1.00 on all 72 by general rules (docs/drafting.md)
    # Session 5 added 81–88 and the fourth set 89–128 (each measured once as held-out first) and
    # the tune writers' 100–116, 130–139, 150–162 (each measured once before tuning on them).
    # Session 6 added the ninth set 250–255 (whole gov.cn documents, measured once as held-out) and
    # the tune writer x13's 270–280 (whole documents of one archive, measured once before tuning:
    # tasks 136/142, units exact 75/142); their figures are in docs/drafting.md.
    # Then x15's 300–309 (measured once before tuning: tasks 115/162, precision 0.76, units exact
    # 86/162, deadlines 0/17), read and partly tuned on: their 306 and 307 still read poorly.
    # Then x16's 310–319 (measured once before tuning: tasks 100/137, units exact 77/137,
    # targets 20/30, deadlines 0/11), read and partly tuned on.
    # Session 7 added x21's 400–409, x22's 410–418 (each measured once before tuning on them:
    # tasks 108/146 and 133/169, units exact 66/146 and 97/169) and x23's 420–429 (measured once
    # at df096c0, after the tuning: tasks 80/117, units exact 64/117, not tuned on since). At the
    # freeze (21b3edc), 253 documents: tasks 1710/1799, precision 0.90, units exact 1586/1799,
    # targets 629/699, deadlines 130/156.
    # Session 8 added session 7's three held-out sets (370–378, 380–389, 440–447; first figures
    # below, under heldout) and tuned on them. At the freeze (f7411f1), 280 documents: tasks
    # 2101/2164, precision 0.92, units exact 1947/2164, targets 723/803, deadlines 181/196.
    # Session 9 added session 8's three held-out sets (450–456, 470–479, 480–489; first figures
    # below, under heldout) and tuned on them. At the freeze (0f1f2c3), 307 documents: tasks
    # 2394/2469, precision 0.91, units exact 2204/2469, targets 800/887, deadlines 189/211 (five
    # of the units and 416's stage titles by two README rulings, not by the drafter).
    # Session 10 added session 9's four held-out sets (490–497, 500–507, 510–517, 520–527; first
    # figures below, under heldout) and tuned on them; unit names are now compared with their
    # characters' width folded (各县(区) = 各县（区）). At the freeze (86f4186), 339 documents:
    # tasks 2734/2832, precision 0.91, units exact 2516/2832, targets 904/1003, deadlines 242/273.
    # Session 11 added session 10's five held-out sets (530–577; first figures below, under
    # heldout: tasks 212/249, units exact 132/249, deadlines 3/22) and tuned on them. At the freeze
    # (4225f41), 372 documents: tasks 2951/3081, precision 0.91, units exact 2713/3081, targets
    # 970/1089, deadlines 245/295 (573's seventeen stage deadlines, a year the page misprints, are
    # most of what the new documents left unread: the floors for tasks and deadlines sit lower).
    # Session 12 added session 11's five held-out sets (580–627; first figures below, under
    # heldout: tasks 317/475, units exact 224/475, deadlines 46/98). Before tuning on them, 412
    # documents: tasks 3268/3556, precision 0.84, units exact 2936/3556, targets 1061/1215,
    # deadlines 291/393. Tuned on them; at the freeze (3c1149f), 412 documents: tasks 3356/3556,
    # precision 0.88, units exact 3022/3556, targets 1062/1215, deadlines 326/393.
    # Session 13 added session 12's five held-out sets (630–677; their figures at 3c1149f are in
    # docs/drafting.md). Before tuning on them, 451 documents: tasks 3716/3934, precision 0.87,
    # units exact 3313/3934, targets 1152/1342, deadlines 344/420. Tuned on them; at the freeze
    # (cea8900), 451 documents: tasks 3734/3934, precision 0.88, units exact 3369/3934, targets
    # 1160/1342, deadlines 351/420.
    # Session 14 added session 13's five held-out sets (680–727; their figures at cea8900 are in
    # docs/drafting.md). Before tuning on them, 491 documents: tasks 4103/4364, precision 0.87,
    # units exact 3670/4364, targets 1239/1439, deadlines 360/456. Tuned on them; at the freeze
    # (ce1f50e), 491 documents: tasks 4144/4364, precision 0.87, units exact 3773/4364, targets
    # 1260/1439, deadlines 386/456.
    # Session 15 added session 14's five held-out sets (730–777; their figures at ce1f50e are in
    # docs/drafting.md). Before tuning on them, 529 documents: tasks 4415/4692, precision 0.86,
    # units exact 4001/4692, targets 1325/1533, deadlines 400/489. Tuned on them; at the freeze
    # (94e5082), 529 documents: tasks 4455/4692, precision 0.87, units exact 4040/4692, targets
    # 1344/1533, deadlines 410/489.
    # Session 16 added session 15's five held-out sets (780–827; their figures at 94e5082 are in
    # docs/drafting.md). Before tuning on them, 566 documents: tasks 4849/5146, precision 0.87,
    # units exact 4318/5146, targets 1416/1634, deadlines 430/527. Tuned on them; at the freeze
    # (51da03a), 566 documents: tasks 4888/5146, precision 0.87, units exact 4443/5146, targets
    # 1429/1634, deadlines 434/527.
    # Session 17 added session 16's five held-out sets (830–877; their figures at 51da03a are in
    # docs/drafting.md). Before tuning on them, 606 documents: tasks 5256/5679, precision 0.85,
    # units exact 4730/5679, targets 1539/1800, deadlines 506/629. Tuned on them; at the freeze
    # (ec3d44b), 606 documents: tasks 5401/5679, precision 0.87, units exact 4910/5679, targets
    # 1554/1800, deadlines 527/629.
    # Session 18 added session 17's five held-out sets (880–927; their figures at ec3d44b are in
    # docs/drafting.md). Before tuning on them, 646 documents: tasks 5672/5982, precision 0.86,
    # units exact 5155/5982, targets 1606/1905, deadlines 527/644. Tuned on them; at the freeze
    # (29bc292), 646 documents: tasks 5694/5982, precision 0.87, units exact 5193/5982, targets
    # 1669/1905, deadlines 536/644.
    # Session 19 added session 18's five held-out sets (930–977; their figures at 29bc292 are in
    # docs/drafting.md). Before tuning on them, 686 documents: tasks 5907/6248, precision 0.86,
    # units exact 5391/6248, targets 1721/1966, deadlines 567/694. Tuned on them; at the freeze
    # (1292bec), 686 documents: tasks 5944/6248, precision 0.86, units exact 5431/6248, targets
    # 1721/1966, deadlines 584/694.
    # Session 20 added session 19's five held-out sets (980–1027; their figures at 1292bec are in
    # docs/drafting.md). Before tuning on them, 725 documents: tasks 6184/6550, precision 0.86,
    # units exact 5593/6550, targets 1765/2037, deadlines 613/763. Tuned on them; at the freeze
    # (87b96d6), 725 documents: tasks 6208/6550, precision 0.87, units exact 5640/6550, targets
    # 1768/2037, deadlines 657/763.
    # Session 21 added session 20's six held-out sets (1030–1097; their figures at 87b96d6 are in
    # docs/drafting.md). Before tuning on them, 765 documents: tasks 6482/6902, precision 0.86,
    # units exact 5826/6902, targets 1840/2119, deadlines 674/838. Tuned on them; at the freeze
    # (0ff78bb), 765 documents: tasks 6500/6902, precision 0.86, units exact 5899/6902, targets
    # 1840/2119, deadlines 701/838.
    # Session 22 added session 21's six held-out sets (1100–1157; their figures at 0ff78bb are in
    # docs/drafting.md). Before tuning on them, 809 documents: tasks 6749/7226, precision 0.86,
    # units exact 6087/7226, targets 1867/2188, deadlines 701/870. Tuned on them; at the freeze
    # (fa1bc3b), 809 documents: tasks 6784/7226, precision 0.86, units exact 6142/7226, targets
    # 1877/2188, deadlines 720/870.
    # Session 23 added session 22's five held-out sets (1160–1207; their figures at fa1bc3b are in
    # docs/drafting.md). Before tuning on them, 844 documents: tasks 6939/7427, precision 0.86,
    # units exact 6254/7427, targets 1964/2310, deadlines 756/929. Tuned on them; at the freeze
    # (86189ad): tasks 6958/7427, precision 0.86, units exact 6295/7427, targets 1965/2310,
    # deadlines 767/929.
    # Session 24 added session 23's five held-out sets (1210–1257; their figures at 86189ad are in
    # docs/drafting.md). Before tuning on them, 880 documents: tasks 7051/7587, precision 0.86,
    # units exact 6329/7587, targets 1976/2324, deadlines 774/950. Tuned on them; at the freeze
    # (02bf0b4): tasks 7075/7587, precision 0.86, units exact 6382/7587, targets 1976/2324,
    # deadlines 776/950.
    "tune": (0.93, 0.85, 0.84, 0.85, 0.81),
    # heldout: session 5's eighth set (240–243: 4 documents, 9 tasks), written by a helper the
    # drafter's author never read, measured once on ece5509 and never read since: tasks 2/9,
    # precision 2/5, units exact 1/9, targets 0/10, no deadline printed. The floors sit at that
    # measurement. Earlier sets, each measured once before being read, are tune now; their first
    # figures are in docs/drafting.md (pooled over 107 documents: tasks 0.68, units exact 0.58).
    # Session 6 added the tenth set (260–266: 7 whole documents of 平潭综合实验区, 157 tasks), written
    # by a helper the drafter's author never read and measured by it once at 6a1d872: tasks 139/157,
    # units exact 92/157, targets 60/81, deadlines 25/25. With the eighth set the part's floors sit
    # below those first figures.
    # Then the eleventh set (290–299: 10 documents, 151 tasks; measured once by its writer: tasks
    # 128/151, units exact 125/151, targets 17/34, deadlines 10/32). Measured together at the end of
    # session 6 (114900b), 21 documents: tasks 269/317, precision 0.76, units exact 219/317, targets
    # 74/125, deadlines 35/57; the floors sit just below.
    # Then the twelfth (330–339: 10 documents, 139 tasks) and thirteenth (350–358: 9 documents,
    # 103 tasks) sets, written after the drafter was frozen and measured once by their writers:
    # tasks 131/139 and 101/103, units exact 93/139 and 76/103, targets 25/26 and 9/15, deadlines
    # 20/35 and 5/5. The whole part then (40 documents): tasks 501/559, precision 0.79, units exact
    # 388/559, targets 108/166, deadlines 60/97.
    # Session 7: three more sets written while the drafter was being tuned and measured once by
    # the lead after freezing it at 21b3edc, none read: 370–378, 380–389 and 440–447 (27
    # documents, 365 tasks): tasks 329/365, units exact 277/365, targets 70/104, deadlines 30/40.
    # The whole part then (67 documents): tasks 831/924, precision 0.81, units exact 693/924,
    # targets 178/270, deadlines 90/137.
    # Session 8 moved those three sets to tune (their first figures are above) to tune on them; the
    # part is again the 40 documents of sets 8 and 10–13, plus session 8's new sets.
    # At session 8's freeze (f7411f1) the 40 documents: tasks 501/559, units exact 419/559,
    # targets 119/166, deadlines 60/97. Then three sets written while the drafter was tuned and
    # measured once after the freeze, none read: x26's 450–456 (7 documents of five provinces
    # other than 福建, 27 tasks), x27's 470–479 and x28's 480–489 (平潭, 106 and 172 tasks):
    # tasks 241/305, units exact 193/305, targets 42/84, deadlines 0/15. The whole part then
    # (67 documents): tasks 742/864, precision 0.74, units exact 612/864, targets 161/250,
    # deadlines 60/112; the floors sit just below.
    # Session 9 moved those three sets to tune (their first figures are above). At session 9's
    # freeze (0f1f2c3) the 40 documents of sets 8 and 10–13: tasks 504/559, units exact 422/559,
    # targets 121/166, deadlines 61/97. Then four sets written while the drafter was tuned and
    # measured once after the freeze, none read: x29's 490–497 and x30's 500–507 (平潭, 134 and
    # 107 tasks), x31's 510–517 (seven provinces, 31 tasks) and x32's 520–527 (科技 documents of
    # the State Council, 广州, 桂林 and three unnamed cities, 91 tasks; 524 and 525 refused):
    # tasks 296/363, units exact 221/363, targets 23/116, deadlines 53/62. The whole part then
    # (72 documents): tasks 800/922, precision 0.81, units exact 643/922, targets 144/282,
    # deadlines 114/159. A fix after the freeze (the goals-by-year rule reads only items headed
    # by a year: it had doubled the seeds' plan targets) left held-out targets at 142/282, the
    # rest unchanged; the floors sit just below.
    # Session 10 moved those four sets to tune (their first figures are above). At session 10's
    # freeze (86f4186) the 40 documents of sets 8 and 10–13: tasks 504/559, units exact 423/559,
    # targets 119/166, deadlines 61/97. Then five sets written while the drafter was tuned and
    # measured once after the freeze, none read: x33's 530–533 (科技局 pages, 7 tasks), x34's
    # 540–547 (科技 pages of six provinces, 37 tasks), x35's 550–557 (eight provinces, other
    # subjects, 23 tasks), x36's 560–564 (福建 outside 平潭, 14 tasks) and x37's 570–577 (平潭
    # 2015–2016, 168 tasks): tasks 212/249, units exact 132/249, targets 42/86, deadlines 3/22.
    # The whole part then (73 documents): tasks 716/808, precision 0.79, units exact 555/808,
    # targets 161/252, deadlines 64/119; the floors sit just below.
    # Session 11 moved those five sets to tune (their first figures are above) and applied one
    # README ruling (bodies worked with, sentence subjects) to every expectation before any new set
    # was written; it changed 2 held-out tasks (352). At session 11's freeze (4225f41) the 40
    # documents of sets 8 and 10–13: tasks 504/559, units exact 425/559, targets 121/166, deadlines
    # 61/97. Then five sets written while the drafter was tuned and measured once after the
    # freeze, none read: x38's 580–587 (平潭 管委会 2018–2021, 175 tasks), x39's 590–597 (平潭 部门文件
    # 2014–2018, 130), x40's 600–607 (平潭 片区, 110), x41's 610–617 (county news and meeting
    # reports of five provinces, 24) and x42's 620–627 (cities, provinces and a national plan, 36):
    # tasks 317/475, units exact 224/475, targets 91/126, deadlines 46/98. The whole part then
    # (80 documents): tasks 821/1034, precision 0.63, units exact 649/1034, targets 212/292,
    # deadlines 107/195; the floors sit just below.
    # Session 12 moved those five sets to tune and added five more, written while the drafter was
    # tuned by helpers who never read it, measured once at the freeze 3c1149f: 630–637 (平潭 管委会),
    # 640–647 (平潭 bureaus 2019–2021), 650–657 (平潭 片区), 660–666 and 670–677 (other provinces,
    # stored pages): 39 documents, 378 tasks: tasks 0.95 (360), precision 0.77, units exact 291/378,
    # targets 90/127, deadlines 18/27. The whole part then (79 documents, 937 tasks): tasks
    # 864/937, precision 0.78, units exact 716/937, targets 211/293, deadlines 79/124.
    # Session 13 moved those five sets to tune and added five new ones, written by helpers the
    # drafter's author never read (680–727: x48, x49 平潭 bureaus' own channels, x50 平潭 channels
    # no row had named, x51 and x52 stored pages from 12 provinces), measured once at session 13's
    # freeze cea8900: 40 documents, 430 tasks: tasks 369/430, precision 0.84, units exact 301/430,
    # targets 79/97, deadlines 9/36. The older 40 then: tasks 504/559, precision 0.78, units exact
    # 425/559, targets 121/166, deadlines 62/97. The whole part (80 documents, 989 tasks): tasks
    # 873/989, precision 0.81, units exact 726/989, targets 200/263, deadlines 71/133.
    # Session 14 moved those five sets to tune and added five new ones, written by helpers the
    # drafter's author never read (730–777: x53 平潭 交通与建设局 channel and 2022–2023 documents, x54
    # 平潭 2012–2016, x55 and x56 stored pages of eleven provinces, x57 科技 bodies' pages), measured
    # once at session 14's freeze ce1f50e: 38 documents, 328 tasks: tasks 271/328, precision 0.74,
    # units exact 228/328, targets 65/94, deadlines 14/33 (761 and 776 refused). The older 40 then:
    # tasks 508/559, precision 0.79, units exact 429/559, targets 131/166, deadlines 66/97. The
    # whole part (78 documents, 887 tasks): tasks 779/887, precision 0.77, units exact 657/887,
    # targets 196/260, deadlines 80/130; the floors sit just below.
    # Session 15 moved those five sets to tune and added five new ones, written by helpers the
    # drafter's author never read (780–827: x58 平潭 2017–2018, x59 平潭 2019–2021 and 2024, x60 and
    # x61 stored pages of seven provinces, x62 whole 广州 documents from a site dump and 科技 bodies'
    # pages), measured once at session 15's freeze 94e5082: 37 documents, 454 tasks: tasks 394/454,
    # precision 0.84, units exact 278/454, targets 72/101, deadlines 20/38. The older 40 then: tasks
    # 510/559, precision 0.79, units exact 429/559, targets 135/166, deadlines 66/97. The whole part
    # (77 documents, 1013 tasks): tasks 904/1013, precision 0.81, units exact 707/1013, targets
    # 207/267, deadlines 86/135; the floors sit just below.
    # Session 16 moved those five sets to tune and added five new ones, written by helpers the
    # drafter's author never read (830–877: x63 平潭 2022–2023, x64 平潭 2015–2016, x65 universities'
    # and other institutions' pages, x66 stored pages of 华东 and 华中 provinces, x67 whole 上海
    # documents from a public index and a national page), measured once at session 16's freeze
    # 51da03a: 40 documents, 533 tasks: tasks 368/533, precision 0.61, units exact 287/533, targets
    # 110/166, deadlines 72/102 (841 refused). The older 40 then: tasks 510/559, precision 0.79,
    # units exact 429/559, targets 135/166, deadlines 66/97. The whole part (80 documents, 1092
    # tasks): tasks 878/1092, precision 0.70, units exact 716/1092, targets 245/332, deadlines
    # 138/199; the floors sit just below.
    # Session 17 moved those five sets to tune and added five new ones, written by helpers the
    # drafter's author never read (880–927: x68 whole 上海 district documents from a public index,
    # x69 stored pages of city plans and 督查 problem lists, x70 stored pages of 华南/西南/西北/华北
    # provinces, x71 科技 bureaus' own pages, x72 task lists printed as tables), measured once at
    # session 17's freeze ec3d44b: 40 documents, 303 tasks: tasks 271/303, precision 0.75, units
    # exact 245/303, targets 52/105, deadlines 0/15. The older 40 then: tasks 510/559, precision
    # 0.79, units exact 429/559, targets 135/166, deadlines 66/97. The whole part (80 documents,
    # 862 tasks): tasks 781/862, precision 0.77, units exact 674/862, targets 187/271, deadlines
    # 66/112; the floors sit just below.
    # Session 18 moved those five sets to tune and added five new ones, written by helpers the
    # drafter's author never read (930–977: x73 whole 上海 documents from a public index, x74
    # 华东 provinces' pages, x75 task lists printed as tables outside 浙江, x76 bureaus dividing
    # their own work, x77 整改 and 督办 lists), measured once at session 18's freeze 29bc292:
    # 40 documents, 266 tasks: tasks 213/266, precision 0.71, units exact 198/266, targets 52/61,
    # deadlines 31/50. The older 40 then: as before (510/559, 0.79, 429/559, 135/166, 66/97).
    # The whole part (80 documents, 825 tasks): tasks 723/825, precision 0.77, units exact
    # 627/825, targets 187/227, deadlines 97/147; the floors sit just below.
    # Session 19 moved those five sets to tune and added five new ones, written by helpers the
    # drafter's author never read (980–1027: x78 whole 上海 documents from the public index, x79
    # whole texts GitHub policy collections keep as data, x80 科技 bodies' recent pages, x81 东北/
    # 西北/西南/内蒙古 pages, x82 documents printing a deadline per task), measured once at session
    # 19's freeze 1292bec: 39 documents, 302 tasks: tasks 240/302, precision 0.88, units exact
    # 162/302, targets 44/71, deadlines 29/69. The older 40 then: as before (510/559, 0.79,
    # 429/559, 135/166, 66/97). The whole part (79 documents, 861 tasks): tasks 750/861,
    # precision 0.82, units exact 591/861, targets 179/237, deadlines 95/166; the floors sit
    # just below.
    # Session 20 moved those five sets to tune and added six new ones, written by helpers the
    # drafter's author never read (1030–1097: x83 stored pages, the GitHub collections holding
    # nothing untaken; x84 whole 上海 documents from the public index; x85 督查 notices and
    # problem lists; x86 华北/华中 cities and counties; x87 分工表 and 台账 tables of 华东/华南; x89
    # 乡镇, 街道 and 开发区 documents), measured once at session 20's freeze 87b96d6: 40 documents,
    # 352 tasks: tasks 274/352, precision 0.72, units exact 186/352, targets 72/82, deadlines
    # 17/75. The older 40 then: tasks 510/559, precision 0.79, units exact 432/559, targets
    # 135/166, deadlines 66/97. The whole part (80 documents, 911 tasks): tasks 784/911, precision
    # 0.76, units exact 618/911, targets 207/248, deadlines 83/172; the floors sit just below.
    # Session 21 moved those six sets to tune and added six new ones, written by helpers the
    # drafter's author never read (1100–1157: x90 whole 上海 documents from the public index, x91
    # 督查 notices and problem lists, x92 乡镇/街道/开发区 documents, x93 task tables outside 华东,
    # x94 西北/西南/东北/内蒙古 pages, x95 知识产权 and 科普 bodies), measured once at session 21's
    # freeze 0ff78bb (x93's last two documents after it was merged, the drafter unchanged): 44
    # documents, 324 tasks: tasks 249/324, precision 0.85, units exact 188/324, targets 27/69,
    # deadlines 0/32. The older 40 then: tasks 510/559, precision 0.79, units exact 432/559,
    # targets 135/166, deadlines 66/97. The whole part (84 documents, 883 tasks): tasks 759/883,
    # precision 0.81, units exact 620/883, targets 162/235, deadlines 66/129; the floors sit just
    # below.
    # Session 22 moved those six sets to tune and added five new ones, written by helpers the
    # drafter's author never read (1160–1207: x96 科技 documents, x97 tasks with printed deadlines,
    # x98 报告分解 and 民生实事 of counties and cities, x99 环保督察 整改 notices, x100 sector
    # 实施方案), measured once at session 22's freeze fa1bc3b: 35 documents, 201 tasks: tasks
    # 155/201, precision 0.81, units exact 112/201, targets 87/122, deadlines 36/59. The older 40
    # then: unchanged (510/559, 0.79, 432/559, 135/166, 66/97). The whole part (75 documents, 760
    # tasks): tasks 665/760, precision 0.79, units exact 544/760, targets 222/288, deadlines
    # 102/156; the floors sit just below.
    # Session 23 moved those five sets to tune and wrote five new ones (1210–1257: 36 documents,
    # 160 tasks), measured once at its freeze 86189ad: tasks 93/160, precision 0.68, units exact
    # 34/160, targets 11/14, deadlines 7/21. The older 40 there: tasks 510/559, precision 0.80,
    # units exact 432/559, targets 123/166 (135 before: 264 lost 12 to the session's sentence-subject
    # rule, ac26931), deadlines 66/97. The whole part (76 documents, 719 tasks): tasks 603/719,
    # precision 0.78, units exact 466/719, targets 134/180, deadlines 73/118; the floors sit just
    # below.
    # Session 24 moved those five sets to tune and wrote five new ones (1260–1307: 38 documents,
    # 203 tasks), measured once at its freeze 02bf0b4: tasks 84/203, precision 0.58, units exact
    # 13/203, targets 33/164, deadlines 11/21. The older 40 there: unchanged (510/559, 0.80,
    # 432/559, 123/166, 66/97). The whole part (78 documents, 762 tasks): tasks 594/762, precision
    # 0.76, units exact 445/762, targets 156/330, deadlines 77/118; the floors sit just below.
    "heldout": (0.77, 0.75, 0.58, 0.47, 0.65),
}
LABELS = ("tasks R", "tasks P", "units exact", "targets R", "deadlines R")


def test_every_document_has_an_expectation_and_a_readme_row() -> None:
    layouts = bench.layouts_by_file()
    seen = set()
    for part in bench.PARTS:
        docs = bench.documents(part)
        assert docs, f"{part}/ 没有文档"
        for _, path, expected in docs:
            assert expected.exists(), f"{path.name} 缺少 {expected.name}"
            plan = load_plan_file(expected)
            assert plan.tasks, f"{expected.name} 没有任务"
            assert layouts.get(path.name), f"README 中没有 {path.name} 的版式"
            seen.add(path.name)
    assert seen == set(layouts), f"README 与文件不一致：{sorted(set(layouts) ^ seen)}"


def test_every_readme_row_names_layouts_by_their_tags(tmp_path: Path) -> None:
    """A “|” printed inside a cell must not shift the layouts column (it once tagged 924 “具体点位”)."""
    for name, tags in bench.layouts_by_file().items():
        assert tags and all(re.fullmatch(r"[a-z0-9-]+", t) for t in tags), f"{name}: {tags}"
    readme = tmp_path / "README.md"
    readme.write_text(
        "| file | sources | place | layouts | split |\n|---|---|---|---|---|\n"
        "| 1.docx | https://a | 某市（序号|任务|牵头单位） | docx-table, targets | tune |\n",
        encoding="utf-8",
    )
    assert bench.layouts_by_file(readme) == {"1.docx": ["docx-table", "targets"]}


def test_the_two_parts_do_not_share_a_document() -> None:
    tune = {p.name for _, p, _ in bench.documents("tune")}
    heldout = {p.name for _, p, _ in bench.documents("heldout")}
    assert not tune & heldout


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_corpus_floors(part: str) -> None:
    results = bench.measure(part)
    total, _ = bench.summarise(results)
    got = (
        total.score("tasks").recall,
        total.score("tasks").precision,
        total.score("units").recall,
        total.score("targets").recall,
        total.score("deadlines").recall,
    )
    for value, minimum, label in zip(got, FLOORS[part], LABELS, strict=True):
        assert value >= minimum - 1e-9, f"{part} {label}: {value:.3f} < {minimum}"


def test_the_report_names_every_layout_and_document() -> None:
    results = bench.measure("all")
    text = bench.table(results)
    for result in results:
        assert result.name in text
        for layout in result.layouts:
            assert f"| {layout} |" in text
    assert "**total**" in text


def _docx_xml(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member).decode("utf-8") if member in archive.namelist() else ""


def test_the_word_documents_hold_real_tables_merges_and_list_numbering() -> None:
    """The layouts the corpus claims are really in the .docx files, not typed to look so."""
    docx = [path for part in bench.PARTS for _, path, _ in bench.documents(part) if path.suffix == ".docx"]
    body = {path.name: _docx_xml(path, "word/document.xml") for path in docx}
    listed = [
        path.name
        for path in docx
        if "<w:numPr>" in body[path.name] and "<w:num " in _docx_xml(path, "word/numbering.xml")
    ]
    assert len(listed) >= 2, f"Word 列表编号的文档不足两个：{listed}"
    for name in listed:
        # the numbers come from Word: a numbered paragraph's text does not start with a typed “1.”/“1、”
        for paragraph in re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", body[name]):
            if "<w:numPr>" in paragraph:
                text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", paragraph))
                assert not re.match(r"\s*\d+[.、．]", text), f"{name} 的编号是手打的：{text[:20]}"
    assert any("<w:tbl>" in xml and 'w:vMerge w:val="restart"' in xml for xml in body.values()), (
        "没有纵向合并的表格"
    )
    assert any("<w:gridSpan " in xml for xml in body.values()), "没有横向合并的表格"
