"""The Kustomer platform: record globals, mock data, request mocks and Kustomer's components.

Rule: may import every renderer layer below it (js, react, html, browser); does no IO. What an
app folder holds is read by ``devserver``, which hands the results in as plain values.
"""
