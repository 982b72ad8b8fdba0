<div>
  <Pill color="#000" text="Custom black pill" />
</div>
