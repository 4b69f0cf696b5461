"""The facts of one period for one scope, read once: what every screen and document counts.

`tracker.facts.counts` holds the pure counting functions (by 报送状态, by 亮灯, unit rows,
late and unassigned items) over task rows; `tracker.facts.period.read_facts` reads the rows
of a period and scope from the database. The window (总览, left pane), the 通报, the 台账,
the 催办单 and the forms all take their figures from here, so one question has one answer.
"""
