-- Spatial index of project bounding boxes (SQLite R*Tree). id = projects.rid.
CREATE VIRTUAL TABLE IF NOT EXISTS `projects_rtree` USING rtree(`id`, `min_x`, `max_x`, `min_y`, `max_y`);
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `projects_rtree_delete` AFTER DELETE ON `projects` BEGIN
  DELETE FROM `projects_rtree` WHERE `id` = OLD.`rid`;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `projects_rtree_insert` AFTER INSERT ON `projects` BEGIN
  INSERT INTO `projects_rtree` VALUES (NEW.`rid`, NEW.`min_x`, NEW.`max_x`, NEW.`min_y`, NEW.`max_y`);
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS `projects_rtree_update` AFTER UPDATE OF `min_x`, `max_x`, `min_y`, `max_y` ON `projects` BEGIN
  UPDATE `projects_rtree` SET `min_x` = NEW.`min_x`, `max_x` = NEW.`max_x`, `min_y` = NEW.`min_y`, `max_y` = NEW.`max_y` WHERE `id` = NEW.`rid`;
END;
