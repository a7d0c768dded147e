-- docker-entrypoint-initdb.d: roles for local development
CREATE USER scheduler WITH PASSWORD 'EZEDSJXcXNCaqG58GK.zuIb';
CREATE USER reporting WITH ENCRYPTED PASSWORD 'md54ed67c3c76b139b72e5a7a55a03436fa';
ALTER ROLE scheduler SET search_path = scheduling, public;
CREATE DATABASE scheduling OWNER scheduler;
