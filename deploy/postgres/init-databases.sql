-- Runs once, when the postgres volume is first initialised: one database per service (DESIGN §4).
CREATE DATABASE syncdb;
CREATE DATABASE coachingdb;
CREATE DATABASE routesdb;
