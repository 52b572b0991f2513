#!/usr/bin/env bash
# Adds one migration, named $1, to both migration sets: Persistence/Migrations/Sqlite and Persistence/Migrations/Postgres.
# Each set is written by its own provider, so each has the store types and annotations its database needs.
# Hand-written SQL (migrationBuilder.Sql) must then be added to both, in each provider's dialect.
#   api/Persistence/add-migration.sh ClientSegments
set -euo pipefail
name=${1:?usage: api/Persistence/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
export PATH="$PATH:$HOME/.dotnet/tools:/root/.dotnet/tools"
dotnet build -c Release --nologo -v q
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --configuration Release \
    --context "${provider}CrmDbContext" \
    --output-dir "Persistence/Migrations/$provider" --namespace "Crm.Api.Persistence.Migrations.$provider"
done
# The two were stamped a few seconds apart: give PostgreSQL's the SQLite one's id, so both sets list the same ids.
id_of() { basename "$(ls "Persistence/Migrations/$1/"*_"$name".cs | grep -v '\.Designer\.cs$' | sort | tail -1)" .cs; }
sqlite_id=$(id_of Sqlite)
postgres_id=$(id_of Postgres)
if [ "$sqlite_id" != "$postgres_id" ]; then
  for suffix in .cs .Designer.cs; do
    mv "Persistence/Migrations/Postgres/$postgres_id$suffix" "Persistence/Migrations/Postgres/$sqlite_id$suffix"
  done
  sed -i "s/\"$postgres_id\"/\"$sqlite_id\"/" "Persistence/Migrations/Postgres/$sqlite_id.Designer.cs"
fi
echo "Added $sqlite_id to Persistence/Migrations/Sqlite and Persistence/Migrations/Postgres."
