const open = orders.filter(o => o.status !== 'cancelled');
const total = _.sumBy(open, 'totalNum');
const byStatus = _.groupBy(open, 'status');
<div className="orders">
  <h4>{customer.name} · {open.length} orders · ${total.toFixed(2)}</h4>
  <ul className="status-summary">
    {Object.keys(byStatus).map(s => <li key={s}>{_.startCase(s)}: {byStatus[s].length}</li>)}
  </ul>
  <table>
    <tbody>
      {open.map((o, i) => (
        <tr key={o.id} className={i % 2 ? 'odd' : 'even'}>
          <td>{`#${o.number}`}</td>
          <td>{_.truncate(o.title, {length: 24})}</td>
          <td style={{textAlign: 'right', paddingLeft: 8}}>{o.totalNum > 100 ? <b>{o.totalNum.toFixed(2)}</b> : o.totalNum.toFixed(2)}</td>
          <td>{o.items.length > 1 ? `${o.items.length} items` : o.items[0]}</td>
          <td>{o.shipped && <span className="pill">shipped</span>}</td>
        </tr>
      ))}
    </tbody>
  </table>
</div>
