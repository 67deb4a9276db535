CREATE TABLE `saved_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`ord` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saved_views_ord` ON `saved_views` (`ord`);--> statement-breakpoint
DROP INDEX "node_agencies_agency";--> statement-breakpoint
DROP INDEX "project_mentions_node";--> statement-breakpoint
DROP INDEX "project_provinces_province";--> statement-breakpoint
DROP INDEX "projects_id_unique";--> statement-breakpoint
DROP INDEX "projects_category";--> statement-breakpoint
DROP INDEX "projects_status";--> statement-breakpoint
DROP INDEX "saved_views_ord";--> statement-breakpoint
DROP INDEX "status_events_project";--> statement-breakpoint
DROP INDEX "users_username_unique";--> statement-breakpoint
ALTER TABLE `projects` ALTER COLUMN "status_updated_at" TO "status_updated_at" text;--> statement-breakpoint
CREATE INDEX `node_agencies_agency` ON `node_agencies` (`agency_id`);--> statement-breakpoint
CREATE INDEX `project_mentions_node` ON `project_mentions` (`node_id`);--> statement-breakpoint
CREATE INDEX `project_provinces_province` ON `project_provinces` (`province`);--> statement-breakpoint
CREATE UNIQUE INDEX `projects_id_unique` ON `projects` (`id`);--> statement-breakpoint
CREATE INDEX `projects_category` ON `projects` (`category`);--> statement-breakpoint
CREATE INDEX `projects_status` ON `projects` (`status`);--> statement-breakpoint
CREATE INDEX `status_events_project` ON `status_events` (`project_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
ALTER TABLE `projects` ADD `source_zh` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `note_zh` text;--> statement-breakpoint
ALTER TABLE `status_events` ALTER COLUMN "at" TO "at" text;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `expires_at` text;--> statement-breakpoint
-- The first status comes from the plan text, not from the day a database was seeded: no date.
UPDATE `status_events` SET `at` = NULL WHERE `by` = 'plan' AND `from_status` IS NULL;--> statement-breakpoint
UPDATE `projects` SET `status_updated_at` = NULL WHERE `version` = 1;