using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// INSERT / UPDATE / DELETE for one table, generated from the EF Core model (table and column names,
/// type mappings and value converters), so the hand-prepared statements cannot drift from the
/// migrations, in SQL that SQLite and PostgreSQL both read (quoted names, @ parameters). An UPDATE sets only the columns an aggregate can change after it is created, so
/// indexes on the others are left alone, and is checked against the version the change was based on.
/// </summary>
internal sealed class TableStatements
{
    private readonly Column[] _all;
    private readonly Column[] _changing;
    private readonly Column _key;
    private readonly Column? _version;

    public TableStatements(IModel model, Type entity, IReadOnlyList<string> changing, string? version = null)
    {
        var type = model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        Table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(Table, type.GetSchema());
        _all = [.. type.GetProperties().Select(p => new Column(p, p.GetColumnName(store)!))];
        _key = _all.Single(c => c.Property.IsPrimaryKey());
        _changing = [.. changing.Select(name => _all.Single(c => c.Property.Name == name))];
        _version = version is null ? null : _all.Single(c => c.Property.Name == version);
        InsertSql = $"INSERT INTO \"{Table}\" ({string.Join(", ", _all.Select(c => c.Quoted))}) VALUES ({string.Join(", ", _all.Select(c => c.Parameter))})";
        var where = $"{_key.Quoted} = {_key.Parameter}" + (_version is null ? "" : $" AND {_version.Quoted} = @expected");
        UpdateSql = $"UPDATE \"{Table}\" SET {string.Join(", ", _changing.Select(c => $"{c.Quoted} = {c.Parameter}"))} WHERE {where}";
        DeleteSql = $"DELETE FROM \"{Table}\" WHERE {_key.Quoted} = {_key.Parameter}";
    }

    public string Table { get; }
    public string InsertSql { get; }
    public string UpdateSql { get; }
    public string DeleteSql { get; }

    public void DeclareInsert(DbCommand command) => Declare(command, _all);
    public void DeclareUpdate(DbCommand command)
    {
        Declare(command, [.. _changing, _key]);
        if (_version is null) return;
        var expected = command.CreateParameter();
        expected.ParameterName = "@expected";
        expected.DbType = DbType.Int32;
        command.Parameters.Add(expected);
    }
    public void DeclareDelete(DbCommand command) => Declare(command, [_key]);

    public void BindInsert(DbCommand command, object entity) => Bind(command, _all, entity);
    public void BindDelete(DbCommand command, object entity) => Bind(command, [_key], entity);

    public void BindUpdate(DbCommand command, object entity, int? expectedVersion)
    {
        Bind(command, _changing, entity);
        Bind(command, [_key], entity);
        if (_version is not null) command.Parameters["@expected"].Value = expectedVersion ?? throw new ArgumentNullException(nameof(expectedVersion));
    }

    private static void Declare(DbCommand command, IEnumerable<Column> columns)
    {
        foreach (var column in columns)
            command.Parameters.Add(column.Mapping.CreateParameter(command, column.Parameter, null, column.Property.IsNullable));
    }

    private static void Bind(DbCommand command, IEnumerable<Column> columns, object entity)
    {
        foreach (var column in columns) command.Parameters[column.Parameter].Value = column.ToProvider(entity);
    }

    private sealed class Column(IProperty property, string name)
    {
        private readonly IClrPropertyGetter _getter = property.GetGetter();
        public IProperty Property { get; } = property;
        public RelationalTypeMapping Mapping { get; } = (RelationalTypeMapping)property.GetTypeMapping();
        public string Quoted { get; } = $"\"{name}\"";
        public string Parameter { get; } = "@" + name;

        public object ToProvider(object entity)
        {
            var value = _getter.GetClrValueUsingContainingEntity(entity);
            if (value is null) return DBNull.Value;
            return (Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }
    }
}
