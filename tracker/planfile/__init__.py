"""Plan files (方案文件): the hand-editable JSON shape of one plan, read and written."""

from tracker.planfile.model import Plan, Task
from tracker.planfile.reader import PlanFileError, load_plan_file, parse_plan

__all__ = ["Plan", "PlanFileError", "Task", "load_plan_file", "parse_plan"]
