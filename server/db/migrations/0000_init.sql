CREATE TABLE `agencies` (
	`id` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `node_agencies` (
	`node_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`node_id`, `agency_id`, `role`),
	FOREIGN KEY (`node_id`) REFERENCES `plan_nodes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `node_agencies_agency` ON `node_agencies` (`agency_id`);--> statement-breakpoint
CREATE TABLE `plan_nodes` (
	`id` text PRIMARY KEY NOT NULL,
	`parent` text,
	`kind` text NOT NULL,
	`ord` integer NOT NULL,
	`title_zh` text NOT NULL,
	`title_en` text NOT NULL,
	`text_zh` text NOT NULL,
	`year` integer,
	`agencies_open_ended` integer DEFAULT false NOT NULL,
	`with_districts` integer DEFAULT false NOT NULL,
	`partners` text NOT NULL,
	`partner_cities` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `project_mentions` (
	`project_id` text NOT NULL,
	`node_id` text NOT NULL,
	`phrase` text NOT NULL,
	PRIMARY KEY(`project_id`, `node_id`, `phrase`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`node_id`) REFERENCES `plan_nodes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_mentions_node` ON `project_mentions` (`node_id`);--> statement-breakpoint
CREATE TABLE `project_provinces` (
	`project_id` text NOT NULL,
	`province` text NOT NULL,
	`length_km` real,
	`area_km2` real,
	PRIMARY KEY(`project_id`, `province`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_provinces_province` ON `project_provinces` (`province`);--> statement-breakpoint
CREATE TABLE `projects` (
	`rid` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`pinyin` text NOT NULL,
	`category` text NOT NULL,
	`stage` text NOT NULL,
	`milestone` integer,
	`precision` text NOT NULL,
	`source` text NOT NULL,
	`note` text,
	`geometry` text NOT NULL,
	`min_x` real NOT NULL,
	`min_y` real NOT NULL,
	`max_x` real NOT NULL,
	`max_y` real NOT NULL,
	`length_km` real,
	`area_km2` real,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`status_updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_id_unique` ON `projects` (`id`);--> statement-breakpoint
CREATE INDEX `projects_category` ON `projects` (`category`);--> statement-breakpoint
CREATE INDEX `projects_status` ON `projects` (`status`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`at` text NOT NULL,
	`by` text NOT NULL,
	`note` text NOT NULL,
	`source` text NOT NULL,
	`version` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `status_events_project` ON `status_events` (`project_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);